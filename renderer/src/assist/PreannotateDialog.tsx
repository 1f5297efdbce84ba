import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreannotationJob, PreannotationScope } from '../../../shared/contract';
import { JobFormButtons } from '../app/JobFormButtons';
import { Modal } from '../app/Modal';
import { RadioOption } from '../app/RadioOption';
import { useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { usePreannotationStore } from './preannotation-store';

type ScopeKind = PreannotationScope['kind'];

/**
 * Suggest in batch…: runs the suggestion sources over many articles and stores what they find
 * for review (nothing is tagged). The articles with the most suggestions are listed to open.
 */
export function PreannotateDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { selectedIds, filter, total, libraryTotal } = useLibraryStore();
  const { job, start, cancel, reset } = usePreannotationStore();
  const filtered = Object.keys(filter).length > 0;
  const [scopeKind, setScopeKind] = useState<ScopeKind>(
    selectedIds.size > 0 ? 'articles' : filtered ? 'filter' : 'all',
  );
  const running = job?.state === 'running';
  const scope = (): PreannotationScope =>
    scopeKind === 'articles'
      ? { kind: 'articles', articleIds: [...selectedIds] }
      : scopeKind === 'filter'
        ? { kind: 'filter', filter }
        : { kind: 'all' };
  const close = () => {
    reset();
    onClose();
  };

  return (
    <Modal title={t('preannotate.title')} onClose={close} closeDisabled={running}>
      <p className="muted">{t('preannotate.intro')}</p>
      <form
        className="export"
        onSubmit={(event) => {
          event.preventDefault();
          void start(scope());
        }}
      >
        <fieldset disabled={running}>
          <legend>{t('preannotate.articles')}</legend>
          <RadioOption
            name="scope"
            disabled={selectedIds.size === 0}
            checked={scopeKind === 'articles'}
            onSelect={() => setScopeKind('articles')}
          >
            {t('preannotate.selected', { n: selectedIds.size })}
          </RadioOption>
          <RadioOption
            name="scope"
            disabled={!filtered}
            checked={scopeKind === 'filter'}
            onSelect={() => setScopeKind('filter')}
          >
            {t('preannotate.filtered', { n: filtered ? (total ?? 0) : 0 })}
          </RadioOption>
          <RadioOption name="scope" checked={scopeKind === 'all'} onSelect={() => setScopeKind('all')}>
            {t('preannotate.all', { n: libraryTotal ?? total ?? 0 })}
          </RadioOption>
        </fieldset>
        <JobFormButtons submitLabel={t('preannotate.submit')} running={running} onCancel={() => void cancel()} />
      </form>
      {job ? <PreannotationProgress job={job} onOpen={close} /> : null}
    </Modal>
  );
}

function PreannotationProgress({ job, onOpen }: { job: PreannotationJob; onOpen: () => void }) {
  const { t } = useTranslation();
  const openArticle = useAppStore((state) => state.openArticle);
  const counts = { done: job.articlesDone, total: job.articlesTotal, suggestions: job.suggestionsStored };
  return (
    <div className="progress-block">
      <progress max={Math.max(job.articlesTotal, 1)} value={job.articlesDone} aria-label={t('preannotate.progress')} />
      <div className="progress-block__line" aria-live="polite">
        {job.state === 'running'
          ? t('preannotate.running', counts)
          : job.state === 'done'
            ? t('preannotate.done', { ...counts, articles: job.articlesWithSuggestions })
            : job.state === 'cancelled'
              ? t('preannotate.cancelled', counts)
              : t('preannotate.failed', { error: job.error ?? '' })}
      </div>
      {job.mostSuggested.length > 0 ? (
        <>
          <h3 className="preannotate__heading">{t('preannotate.mostSuggested')}</h3>
          <ol className="preannotate__articles">
            {job.mostSuggested.map((article) => (
              <li key={article.articleId}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    onOpen();
                    openArticle(article.articleId);
                  }}
                >
                  {article.title}
                </button>{' '}
                <span className="muted">{t('preannotate.suggestionCount', { count: article.count })}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
