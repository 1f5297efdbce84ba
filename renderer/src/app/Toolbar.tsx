import { useTranslation } from 'react-i18next';
import { ProfileButton } from '../settings/ProfileButton';
import { VIEWS, useAppStore } from '../state/app-store';

export function Toolbar() {
  const { t } = useTranslation();
  const {
    openArticleId,
    openArticle,
    view,
    showView,
    appInfo,
    language,
    setLanguage,
    setDialog,
    schemaOpen,
    openSchema,
  } = useAppStore();
  const current = schemaOpen ? null : view;
  return (
    <nav className="toolbar" aria-label={t('app.mainNav')}>
      <button type="button" className="toolbar__brand" onClick={() => openArticle(null)} title={t('app.brandTitle')}>
        Marginalia
      </button>
      {openArticleId !== null ? (
        <button type="button" onClick={() => openArticle(null)}>
          {t(`app.backTo.${view}`)}
        </button>
      ) : (
        <span className="toolbar__views" role="group" aria-label={t('app.views')}>
          {VIEWS.map((name) => (
            <button
              key={name}
              type="button"
              className={name === current ? 'is-current' : undefined}
              aria-current={name === current ? 'page' : undefined}
              title={t(`app.viewTitles.${name}`)}
              onClick={() => showView(name)}
            >
              {t(`app.viewNames.${name}`)}
            </button>
          ))}
        </span>
      )}
      <button type="button" onClick={() => setDialog('import')} title={t('app.importTitle')}>
        {t('app.import')}
      </button>
      <button type="button" onClick={() => setDialog('export')} title={t('app.exportTitle')}>
        {t('app.export')}
      </button>
      <button type="button" onClick={() => setDialog('export-work')} title={t('team.exportWorkTitle')}>
        {t('team.exportWorkButton')}
      </button>
      <button type="button" onClick={() => setDialog('import-package')} title={t('team.importPackageTitle')}>
        {t('team.importPackageButton')}
      </button>
      <button type="button" onClick={() => setDialog('restore-backup')} title={t('app.backupsTitle')}>
        {t('app.backups')}
      </button>
      <button
        type="button"
        aria-pressed={schemaOpen}
        onClick={() => openSchema(!schemaOpen)}
        title={t('schema.toolbarTitle')}
      >
        {t('schema.toolbar')}
      </button>
      <span className="toolbar__spacer" />
      <ProfileButton />
      <button
        type="button"
        onClick={() => setDialog('keyboard-help')}
        title={t('app.keyboardHelpTitle')}
        aria-label={t('app.keyboardHelp')}
      >
        ?
      </button>
      <button
        type="button"
        onClick={() => setLanguage(language === 'vi' ? 'en' : 'vi')}
        title={t('app.languageTitle')}
        aria-label={t('app.language', { code: language.toUpperCase() })}
      >
        {language.toUpperCase()}
      </button>
      {appInfo ? (
        <span className="toolbar__host" title={appInfo.databasePath}>
          {appInfo.host === 'browser' ? t('app.hostBrowser') : t('app.hostDesktop')}
        </span>
      ) : null}
    </nav>
  );
}
