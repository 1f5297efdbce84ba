import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPublished } from '../library/format';
import { useAppStore } from '../state/app-store';
import { useBriefsStore } from './briefs-store';

/** Rich-text editing is its own chunk, loaded when a brief is first opened (ARCHITECTURE.md). */
export const BriefEditor = lazy(() => import('./BriefEditor'));

/** The briefs view: the list (title, author, last edit; create, rename, delete), or one brief open. */
export function BriefsView() {
  const briefId = useAppStore((state) => state.briefId);
  const load = useBriefsStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return briefId === null ? <BriefList /> : <OpenBrief id={briefId} />;
}

function BriefList() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const openBrief = useAppStore((state) => state.openBrief);
  const { briefs, loaded, create, rename, remove } = useBriefsStore();
  const [renaming, setRenaming] = useState<{ id: number; title: string } | null>(null);
  return (
    <section className="briefs" aria-labelledby="briefs-heading">
      <header className="briefs__header">
        <h1 id="briefs-heading">{t('briefs.heading')}</h1>
        <button
          type="button"
          onClick={() => void create(t('briefs.untitled')).then((id) => id !== null && openBrief(id))}
        >
          {t('briefs.new')}
        </button>
      </header>
      <p className="muted">{t('briefs.intro')}</p>
      {loaded && briefs.length === 0 ? <p className="muted">{t('briefs.empty')}</p> : null}
      {briefs.length > 0 ? (
        <table className="briefs__table">
          <thead>
            <tr>
              <th scope="col">{t('briefs.columns.title')}</th>
              <th scope="col">{t('briefs.columns.author')}</th>
              <th scope="col">{t('briefs.columns.updated')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {briefs.map((brief) => (
              <tr key={brief.id}>
                <td>
                  {renaming?.id === brief.id ? (
                    <form
                      onSubmit={(event) => {
                        event.preventDefault();
                        void rename(brief.id, renaming.title).then(() => setRenaming(null));
                      }}
                    >
                      <input
                        autoFocus
                        aria-label={t('briefs.titleLabel')}
                        value={renaming.title}
                        onChange={(event) => setRenaming({ id: brief.id, title: event.target.value })}
                        onKeyDown={(event) => event.key === 'Escape' && setRenaming(null)}
                      />
                      <button type="submit">{t('briefs.save')}</button>
                    </form>
                  ) : (
                    <button type="button" className="link" onClick={() => openBrief(brief.id)}>
                      {brief.title}
                    </button>
                  )}
                </td>
                <td>{brief.author}</td>
                <td>{formatPublished(brief.updatedAt, language)}</td>
                <td className="briefs__actions">
                  <button type="button" onClick={() => setRenaming({ id: brief.id, title: brief.title })}>
                    {t('briefs.rename')}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      if (window.confirm(t('briefs.confirmDelete', { title: brief.title }))) void remove(brief.id);
                    }}
                  >
                    {t('briefs.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function OpenBrief({ id }: { id: number }) {
  const { t } = useTranslation();
  const openBrief = useAppStore((state) => state.openBrief);
  const title = useBriefsStore((state) => state.briefs.find((brief) => brief.id === id)?.title);
  const { dockedId, dock } = useBriefsStore();
  return (
    <section className="briefs briefs--open" aria-label={title ?? t('briefs.heading')}>
      <header className="briefs__header">
        <button type="button" onClick={() => openBrief(null)}>
          {t('briefs.back')}
        </button>
        <h1>{title}</h1>
        <label className="briefs__dock">
          <input
            type="checkbox"
            checked={dockedId === id}
            onChange={(event) => dock(event.target.checked ? id : null)}
          />{' '}
          {t('briefs.dock')}
        </label>
      </header>
      <Suspense fallback={<p className="muted">{t('briefs.loading')}</p>}>
        <BriefEditor briefId={id} />
      </Suspense>
    </section>
  );
}

/**
 * The docked brief: shown beside the reader and the concordance so spans can be dragged into it.
 * A second editor of the same brief is never on screen at once (the briefs view hides the dock).
 */
export function BriefDock() {
  const { t } = useTranslation();
  const dockedId = useBriefsStore((state) => state.dockedId);
  const title = useBriefsStore((state) => state.briefs.find((brief) => brief.id === dockedId)?.title);
  const dock = useBriefsStore((state) => state.dock);
  if (dockedId === null) return null;
  return (
    <aside className="brief-dock" aria-label={title ?? t('briefs.heading')}>
      <header className="brief-dock__header">
        <h2>{title}</h2>
        <button type="button" onClick={() => dock(null)} aria-label={t('briefs.undock')} title={t('briefs.undock')}>
          ×
        </button>
      </header>
      <Suspense fallback={<p className="muted">{t('briefs.loading')}</p>}>
        <BriefEditor briefId={dockedId} />
      </Suspense>
    </aside>
  );
}
