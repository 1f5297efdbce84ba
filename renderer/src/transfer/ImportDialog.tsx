import type { ImportFileResult, ImportJob } from '../../../shared/contract';
import { Modal } from '../app/Modal';
import { formatCount } from '../library/format';
import type { Language } from '../i18n/languages';
import { useAppStore } from '../state/app-store';
import { useImportStore } from './import-store';
import { filesFromInput } from './read-files';

const ACCEPTED = '.txt,.md,.html,.htm,.docx,.csv,.json,.jsonl';

/**
 * Import…: pick files or a folder (or drop them on the window), watch the progress, then read
 * what happened to every file. Electron reads the files where they are; the browser uploads them.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const nativeDialogs = useAppStore((state) => state.appInfo?.nativeDialogs ?? false);
  const { job, preparing, startPaths, startUploads, cancel, reset } = useImportStore();
  const running = job?.state === 'running' || preparing !== null;
  const finished = job !== null && job.state !== 'running';
  const close = () => {
    reset();
    onClose();
  };

  return (
    <Modal title="Import articles" onClose={close} closeDisabled={running} wide>
      {job === null && preparing === null ? (
        <div className="import__pickers">
          <p className="muted">
            Text (.txt, .md), web pages (.html), Word (.docx), tables (.csv with columns title, text, source, url, date)
            and records (.json, .jsonl, including Marginalia exports). You can also drop files or folders on the window.
          </p>
          {nativeDialogs ? (
            <div className="row">
              <button type="button" onClick={() => void startPaths(false)}>
                Choose files…
              </button>
              <button type="button" onClick={() => void startPaths(true)}>
                Choose a folder…
              </button>
            </div>
          ) : (
            <div className="row">
              <label className="filebutton">
                Choose files…
                <input
                  type="file"
                  multiple
                  accept={ACCEPTED}
                  aria-label="Choose files"
                  onChange={(event) => void startUploads(filesFromInput(event.target.files))}
                />
              </label>
              <label className="filebutton">
                Choose a folder…
                <input
                  type="file"
                  aria-label="Choose a folder"
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
            Cancel
          </button>
        </div>
      ) : null}
      {finished ? <ImportReport results={job.results} onOpen={close} /> : null}
    </Modal>
  );
}

function ImportProgress({ job }: { job: ImportJob }) {
  const language = useAppStore((state) => state.language);
  const percent = job.total === 0 ? 0 : Math.round((job.processed / job.total) * 100);
  const summary = {
    imported: job.results.filter((result) => result.outcome === 'imported').length,
    duplicate: job.results.filter((result) => result.outcome === 'duplicate').length,
    skipped: job.results.filter((result) => result.outcome === 'skipped').length,
  };
  return (
    <div className="progress-block">
      <progress max={Math.max(job.total, 1)} value={job.processed} aria-label="Import progress" />
      <div className="progress-block__line" aria-live="polite">
        {job.state === 'running'
          ? `${formatCount(job.processed, language)} of ${formatCount(job.total, language)} files (${percent}%)`
          : stateLine(job, language)}
        {job.currentFile && job.state === 'running' ? <span className="muted"> · {job.currentFile}</span> : null}
      </div>
      <div className="progress-block__summary">
        {formatCount(summary.imported, language)} imported · {formatCount(summary.duplicate, language)} duplicates ·{' '}
        {formatCount(summary.skipped, language)} skipped
      </div>
      {job.error ? <p className="error">{job.error}</p> : null}
    </div>
  );
}

function stateLine(job: ImportJob, language: Language): string {
  if (job.state === 'cancelled')
    return `Cancelled after ${formatCount(job.processed, language)} of ${formatCount(job.total, language)} files; what finished is kept.`;
  if (job.state === 'failed') return 'The import stopped.';
  return `Done: ${formatCount(job.processed, language)} files.`;
}

function ImportReport({ results, onOpen }: { results: ImportFileResult[]; onOpen: () => void }) {
  const openArticle = useAppStore((state) => state.openArticle);
  return (
    <table className="report" aria-label="Import report">
      <thead>
        <tr>
          <th>File</th>
          <th>Result</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {results.map((result, index) => (
          <tr key={`${result.file}:${index}`} className={`report__row report__row--${result.outcome}`}>
            <td className="report__file">{result.file}</td>
            <td>
              {result.outcome === 'imported' ? 'Imported' : result.outcome === 'duplicate' ? 'Duplicate' : 'Skipped'}
            </td>
            <td>
              {result.outcome === 'skipped' ? (
                <>
                  {result.reason}
                  {result.preview ? <pre className="report__preview">{result.preview}</pre> : null}
                </>
              ) : (
                <>
                  {result.outcome === 'duplicate' ? 'Same text as ' : ''}
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
                  {result.notes.length ? <div className="report__notes">{result.notes.join(' · ')}</div> : null}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
