import { ProfileButton } from '../settings/ProfileButton';
import { useAppStore } from '../state/app-store';

export function Toolbar() {
  const { openArticleId, openArticle, appInfo, labelLanguage, setLabelLanguage, setDialog } = useAppStore();
  return (
    <nav className="toolbar" aria-label="Main">
      <button type="button" className="toolbar__brand" onClick={() => openArticle(null)} title="Back to the library">
        Marginalia
      </button>
      {openArticleId !== null ? (
        <button type="button" onClick={() => openArticle(null)}>
          ← Library
        </button>
      ) : null}
      <button type="button" onClick={() => setDialog('import')} title="Import articles (Ctrl+O)">
        Import…
      </button>
      <button type="button" onClick={() => setDialog('export')} title="Export annotations (Ctrl+E)">
        Export…
      </button>
      <button type="button" onClick={() => setDialog('restore-backup')} title="Restore the database from a backup">
        Backups…
      </button>
      <span className="toolbar__spacer" />
      <ProfileButton />
      <button
        type="button"
        onClick={() => setDialog('keyboard-help')}
        title="Keyboard shortcuts (?)"
        aria-label="Keyboard shortcuts"
      >
        ?
      </button>
      <button
        type="button"
        onClick={() => setLabelLanguage(labelLanguage === 'vi' ? 'en' : 'vi')}
        title="Label names in Vietnamese or English"
        aria-label="Label language"
      >
        {labelLanguage === 'vi' ? 'VI' : 'EN'}
      </button>
      {appInfo ? (
        <span className="toolbar__host" title={appInfo.databasePath}>
          {appInfo.host === 'browser' ? 'Browser' : 'Desktop'}
        </span>
      ) : null}
    </nav>
  );
}
