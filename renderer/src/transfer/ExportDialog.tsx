import { useState } from 'react';
import type { ExportFormat, ExportJob, ExportOptions } from '../../../shared/contract';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/domain/schemas';
import { Modal } from '../app/Modal';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../library/format';
import { labelName, useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { useExportStore } from './export-store';

const FORMATS: { value: ExportFormat; name: string; hint: string }[] = [
  { value: 'workbench-json', name: 'Workbench JSON', hint: 'Lossless: labels, notes, statuses. Re-imports exactly.' },
  {
    value: 'jsonl',
    name: 'JSONL',
    hint: 'One article per line with spans, as spaCy, Hugging Face and Prodigy read it.',
  },
  { value: 'csv', name: 'CSV', hint: 'One row per annotation with context, for spreadsheets.' },
  { value: 'conll', name: 'CoNLL (BIO)', hint: 'Syllable tokens; entities and analysis in two tag columns.' },
];

type ScopeKind = 'all' | 'selected' | 'status';

/** Export…: scope, labels, format and offset unit; progress and Cancel for large exports. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useAppStore((state) => state.labels);
  const language = useAppStore((state) => state.language);
  const selectedIds = useLibraryStore((state) => state.selectedIds);
  const { job, start, cancel, reset } = useExportStore();
  const [scopeKind, setScopeKind] = useState<ScopeKind>(selectedIds.size > 0 ? 'selected' : 'all');
  const [status, setStatus] = useState<ArticleStatus>('done');
  const [labelKeys, setLabelKeys] = useState<ReadonlySet<string>>(() => new Set(labels.map((label) => label.key)));
  const [format, setFormat] = useState<ExportFormat>('jsonl');
  const [offsetUnit, setOffsetUnit] = useState<ExportOptions['offsetUnit']>('codepoint');
  const [csvBom, setCsvBom] = useState(true);
  const running = job?.state === 'running';

  const options = (): ExportOptions => ({
    scope:
      scopeKind === 'all'
        ? { kind: 'all' }
        : scopeKind === 'selected'
          ? { kind: 'articles', articleIds: [...selectedIds] }
          : { kind: 'status', status },
    labelKeys: labelKeys.size === labels.length ? null : [...labelKeys],
    format,
    offsetUnit,
    csvBom,
  });
  const toggleLabel = (key: string) =>
    setLabelKeys((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const close = () => {
    reset();
    onClose();
  };

  return (
    <Modal title="Export annotations" onClose={close} closeDisabled={running} wide>
      <form
        className="export"
        onSubmit={(event) => {
          event.preventDefault();
          void start(options());
        }}
      >
        <fieldset disabled={running}>
          <legend>Articles</legend>
          <label>
            <input type="radio" name="scope" checked={scopeKind === 'all'} onChange={() => setScopeKind('all')} /> All
          </label>
          <label>
            <input
              type="radio"
              name="scope"
              disabled={selectedIds.size === 0}
              checked={scopeKind === 'selected'}
              onChange={() => setScopeKind('selected')}
            />{' '}
            Selected in the library ({formatCount(selectedIds.size, language)})
          </label>
          <label>
            <input type="radio" name="scope" checked={scopeKind === 'status'} onChange={() => setScopeKind('status')} />{' '}
            With status{' '}
            <select
              aria-label="Status to export"
              value={status}
              onChange={(event) => setStatus(event.target.value as ArticleStatus)}
            >
              {ARTICLE_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`status.${value}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset disabled={running}>
          <legend>Labels</legend>
          <div className="export__labels">
            {labels.map((label) => (
              <label key={label.key}>
                <input type="checkbox" checked={labelKeys.has(label.key)} onChange={() => toggleLabel(label.key)} />{' '}
                <span style={{ color: label.color }}>■</span> {labelName(label, language)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset disabled={running}>
          <legend>Format</legend>
          {FORMATS.map((option) => (
            <label key={option.value} className="export__format">
              <input
                type="radio"
                name="format"
                checked={format === option.value}
                onChange={() => setFormat(option.value)}
              />{' '}
              <strong>{option.name}</strong> <span className="muted">{option.hint}</span>
            </label>
          ))}
          {format === 'csv' ? (
            <label>
              <input type="checkbox" checked={csvBom} onChange={(event) => setCsvBom(event.target.checked)} /> UTF-8 BOM
              (so Excel shows Vietnamese correctly)
            </label>
          ) : null}
        </fieldset>
        <fieldset disabled={running}>
          <legend>Offsets count</legend>
          <label>
            <input
              type="radio"
              name="unit"
              checked={offsetUnit === 'codepoint'}
              onChange={() => setOffsetUnit('codepoint')}
            />{' '}
            Code points (Python, spaCy)
          </label>
          <label>
            <input type="radio" name="unit" checked={offsetUnit === 'utf16'} onChange={() => setOffsetUnit('utf16')} />{' '}
            UTF-16 units (JavaScript)
          </label>
        </fieldset>
        <div className="row">
          <button type="submit" className="primary" disabled={running || labelKeys.size === 0}>
            Export
          </button>
          {running ? (
            <button type="button" onClick={() => void cancel()}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
      {job ? <ExportProgress job={job} /> : null}
    </Modal>
  );
}

function ExportProgress({ job }: { job: ExportJob }) {
  const language = useAppStore((state) => state.language);
  return (
    <div className="progress-block" aria-label="Export progress">
      <progress max={Math.max(job.articlesTotal, 1)} value={job.articlesDone} aria-label="Export progress" />
      <div className="progress-block__line" aria-live="polite">
        {job.state === 'running'
          ? `${formatCount(job.articlesDone, language)} of ${formatCount(job.articlesTotal, language)} articles · ${formatCount(job.spansWritten, language)} spans`
          : job.state === 'done'
            ? `Exported ${formatCount(job.articlesDone, language)} articles and ${formatCount(job.spansWritten, language)} spans to ${job.path ?? job.fileName}.`
            : job.state === 'cancelled'
              ? 'Cancelled; no file was left behind.'
              : `The export failed: ${job.error ?? 'unknown error'}`}
      </div>
      <SpanIssues
        count={job.leftOutCount}
        issues={job.leftOut}
        summary="spans could not be written in this format (listed here, never dropped silently)"
      />
      <SpanIssues count={job.widenedCount} issues={job.widened} summary="spans were widened to whole tokens" />
    </div>
  );
}

function SpanIssues({ count, issues, summary }: { count: number; issues: ExportJob['leftOut']; summary: string }) {
  const language = useAppStore((state) => state.language);
  if (count === 0) return null;
  return (
    <details className="export__issues">
      <summary>
        {formatCount(count, language)} {summary}
      </summary>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.articleId}:${issue.labelKey}:${issue.start}:${issue.end}`}>
            Article {issue.articleId}, {issue.labelKey} [{issue.start}, {issue.end}) “{issue.quote}”: {issue.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
