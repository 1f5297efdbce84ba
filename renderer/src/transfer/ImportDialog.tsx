import type { TFunction } from 'i18next';
import type { ImportFileResult, ImportJob } from '../../../shared/contract';
import { IMPORT_ACCEPT, IMPORT_FORMAT_REGISTRY } from '../../../shared/import/import-formats';
import { useTranslation } from 'react-i18next';
import { Modal } from '../app/Modal';
import { useAppStore } from '../state/app-store';
import { useImportStore } from './import-store';
import { ImportReview } from './ImportReview';
import { filesFromInput } from './read-files';
import { backendText } from '../i18n/backend';

/**
 * Import…: pick files or a folder (or drop them on the window), watch the progress, then read
 * what happened to every file. Electron reads the files where they are; the browser uploads them.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const nativeDialogs = useAppStore((state) => state.appInfo?.nativeDialogs ?? false);
  const { job, preparing, startPaths, startUploads, cancel, decide, reset } = useImportStore();
  const running = job?.state === 'running' || preparing !== null;
  const inReview = job?.state === 'review';
  const finished = job !== null && job.state !== 'running' && !inReview;
  const close = () => {
    // Closing the review cancels the job: the files it held are not imported.
    if (inReview) void cancel();
    reset();
    onClose();
  };

  return (
    <Modal title={t('import.title')} onClose={close} closeDisabled={running} wide>
      {job === null && preparing === null ? (
        <div className="import__pickers">
          <p className="muted">
            {t('import.intro', {
              formats: Object.values(IMPORT_FORMAT_REGISTRY)
                .map((format) => `${format.label} (${format.extensions.join(', ')})`)
                .join('; '),
            })}
          </p>
          {nativeDialogs ? (
            <div className="row">
              <button type="button" onClick={() => void startPaths(false)}>
                {t('import.chooseFiles')}
              </button>
              <button type="button" onClick={() => void startPaths(true)}>
                {t('import.chooseFolder')}
              </button>
            </div>
          ) : (
            <div className="row">
              <label className="filebutton">
                {t('import.chooseFiles')}
                <input
                  type="file"
                  multiple
                  accept={IMPORT_ACCEPT}
                  aria-label={t('import.chooseFilesLabel')}
                  onChange={(event) => void startUploads(filesFromInput(event.target.files))}
                />
              </label>
              <label className="filebutton">
                {t('import.chooseFolder')}
                <input
                  type="file"
                  aria-label={t('import.chooseFolderLabel')}
                  {...{ webkitdirectory: '' }}
                  onChange={(event) => void startUploads(filesFromInput(event.target.files))}
                />
              </label>
            </div>
          )}
        </div>
      ) : null}
      {preparing ? <p>{preparing}</p> : null}
      {job ? <ImportProgress job={job} /> : null}
      {job?.state === 'running' ? (
        <div className="row">
          <button type="button" onClick={() => void cancel()}>
            {t('app.cancel')}
          </button>
        </div>
      ) : null}
      {inReview ? (
        <ImportReview
          key={job.review.map((question) => question.id).join('\n')}
          questions={job.review}
          othersImported={job.processed > 0}
          onDecide={decide}
          onCancel={cancel}
        />
      ) : null}
      {finished || (inReview && job.results.length > 0) ? <ImportReport results={job.results} onOpen={close} /> : null}
    </Modal>
  );
}

function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const percent = job.total === 0 ? 0 : Math.round((job.processed / job.total) * 100);
  const summary = job.counts;
  const counted = summary.imported + summary.duplicate + summary.skipped;
  return (
    <div className="progress-block">
      <progress max={Math.max(job.total, 1)} value={job.processed} aria-label={t('import.progress')} />
      <div className="progress-block__line" aria-live="polite">
        {job.state === 'running'
          ? t('import.running', { processed: job.processed, total: job.total, percent })
          : stateLine(job, t)}
        {job.currentFile && job.state === 'running' ? <span className="muted"> · {job.currentFile}</span> : null}
      </div>
      <div className="progress-block__summary">
        {t('import.summary', summary)}
        {counted > job.results.length ? t('import.reportCapped', { n: job.results.length }) : ''}
      </div>
      {job.error ? <p className="error">{backendText(job.errorRef, job.error)}</p> : null}
    </div>
  );
}

function stateLine(job: ImportJob, t: TFunction): string {
  if (job.state === 'review') return t('import.waiting', { processed: job.processed, total: job.total });
  if (job.state === 'cancelled') return t('import.cancelled', { processed: job.processed, total: job.total });
  if (job.state === 'failed') return t('import.failed');
  return t('import.done', { processed: job.processed });
}

function ImportReport({ results, onOpen }: { results: ImportFileResult[]; onOpen: () => void }) {
  const { t } = useTranslation();
  const openArticle = useAppStore((state) => state.openArticle);
  return (
    <table className="report" aria-label={t('import.report')}>
      <thead>
        <tr>
          <th>{t('import.columns.file')}</th>
          <th>{t('import.columns.result')}</th>
          <th>{t('import.columns.details')}</th>
        </tr>
      </thead>
      <tbody>
        {results.map((result, index) => (
          <tr key={`${result.file}:${index}`} className={`report__row report__row--${result.outcome}`}>
            <td className="report__file">{result.file}</td>
            <td>{t(`import.outcome.${result.outcome}`)}</td>
            <td>
              {result.outcome === 'skipped' ? (
                <>
                  {backendText(result.reasonRef, result.reason)}
                  {result.preview ? <pre className="report__preview">{result.preview}</pre> : null}
                </>
              ) : (
                <>
                  {result.outcome === 'duplicate' ? t('import.sameTextAs') : ''}
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      onOpen();
                      openArticle(result.articleId);
                    }}
                  >
                    {result.title}
                  </button>
                  {result.notes.length ? (
                    <div className="report__notes">
                      {result.notes.map((english, index) => backendText(result.noteRefs?.[index], english)).join(' · ')}
                    </div>
                  ) : null}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
