import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMAT_SPECS, exportFormatSpec } from '../../../shared/codecs';
import type { ExportFormat, ExportJob, ExportOptions } from '../../../shared/contract';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/domain/schemas';
import { labelInk } from '../app/contrast';
import { backendText } from '../i18n/backend';
import { JobFormButtons } from '../app/JobFormButtons';
import { Modal } from '../app/Modal';
import { RadioOption } from '../app/RadioOption';
import { formatCount } from '../library/format';
import { labelName, useAppStore } from '../state/app-store';
import { useLibraryStore } from '../state/library-store';
import { useExportStore } from './export-store';
import { exportedAuthors, LayerChoice, type LayerSelection } from '../team/LayerChoice';
import { useStoredAuthors } from '../team/use-authors';
import { useProfileStore } from '../settings/profile-store';

type ScopeKind = 'all' | 'selected' | 'status';

const OFFSET_UNITS = ['codepoint', 'utf16'] as const satisfies readonly ExportOptions['offsetUnit'][];

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
  const [conllLastColumn, setConllLastColumn] = useState<ExportOptions['conllLastColumn']>('entity');
  const [conllLabels, setConllLabels] = useState<ExportOptions['conllLabels']>('top');
  const storedAuthors = useStoredAuthors();
  const me = useProfileStore((state) => state.profile?.displayName ?? null);
  const [layers, setLayers] = useState<LayerSelection>({ kind: 'every' });
  const [singleLayer, setSingleLayer] = useState<string | null>(null);
  // CoNLL has one tag per token: one layer at a time (the local profile's by default).
  const oneLayerOnly = format === 'conll';
  const listedAuthors = storedAuthors ?? [];
  const single =
    singleLayer ?? (listedAuthors.some((entry) => entry.author === me) ? me : (listedAuthors[0]?.author ?? null));
  const authors = exportedAuthors(layers, single, oneLayerOnly);
  const spec = exportFormatSpec(format);
  const unitAvailable = (unit: ExportOptions['offsetUnit']) => spec.offsetUnits.includes(unit);
  const running = job?.state === 'running';

  const options = (): ExportOptions => ({
    scope:
      scopeKind === 'all'
        ? { kind: 'all' }
        : scopeKind === 'selected'
          ? { kind: 'articles', articleIds: [...selectedIds] }
          : { kind: 'status', status },
    labelKeys: labelKeys.size === labels.length ? null : [...labelKeys],
    ...(authors ? { authors } : {}),
    format,
    // A format that counts one unit only (brat, spaCy) gets that unit.
    offsetUnit: unitAvailable(offsetUnit) ? offsetUnit : (spec.offsetUnits[0] ?? 'codepoint'),
    csvBom,
    conllLastColumn,
    conllLabels,
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
    <Modal title={t('export.title')} onClose={close} closeDisabled={running} wide>
      <form
        className="export"
        onSubmit={(event) => {
          event.preventDefault();
          void start(options());
        }}
      >
        <fieldset disabled={running}>
          <legend>{t('export.articles')}</legend>
          <RadioOption name="scope" checked={scopeKind === 'all'} onSelect={() => setScopeKind('all')}>
            {t('export.all')}
          </RadioOption>
          <RadioOption
            name="scope"
            disabled={selectedIds.size === 0}
            checked={scopeKind === 'selected'}
            onSelect={() => setScopeKind('selected')}
          >
            {t('export.selected', { n: selectedIds.size })}
          </RadioOption>
          <RadioOption name="scope" checked={scopeKind === 'status'} onSelect={() => setScopeKind('status')}>
            {t('export.withStatus')}{' '}
            <select
              aria-label={t('export.statusToExport')}
              value={status}
              onChange={(event) => setStatus(event.target.value as ArticleStatus)}
            >
              {ARTICLE_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`status.${value}`)}
                </option>
              ))}
            </select>
          </RadioOption>
        </fieldset>
        <fieldset disabled={running}>
          <legend>{t('export.labels')}</legend>
          <div className="export__labels">
            {labels.map((label) => (
              <label key={label.key}>
                <input type="checkbox" checked={labelKeys.has(label.key)} onChange={() => toggleLabel(label.key)} />{' '}
                <span style={{ color: labelInk(label.color) }} aria-hidden="true">
                  ■
                </span>{' '}
                {labelName(label, language)}
              </label>
            ))}
          </div>
        </fieldset>
        <LayerChoice
          authors={listedAuthors}
          selection={layers}
          onSelection={setLayers}
          single={single}
          onSingle={setSingleLayer}
          oneLayerOnly={oneLayerOnly}
          me={me}
        />
        <fieldset disabled={running}>
          <legend>{t('export.format')}</legend>
          {EXPORT_FORMAT_SPECS.map((option) => (
            <RadioOption
              key={option.name}
              className="export__format"
              name="format"
              checked={format === option.name}
              onSelect={() => setFormat(option.name)}
            >
              <strong>{t(`export.formatLabel.${option.name}`)}</strong>{' '}
              <span className="muted">{t(`export.formatHint.${option.name}`)}</span>
            </RadioOption>
          ))}
          {spec.options.includes('conllLastColumn') ? (
            <label>
              {t('export.conllLastColumn')}{' '}
              <select
                aria-label={t('export.conllLastColumnLabel')}
                value={conllLastColumn}
                onChange={(event) => setConllLastColumn(event.target.value as ExportOptions['conllLastColumn'])}
              >
                <option value="entity">{t('export.conllEntities')}</option>
                <option value="analytic">{t('export.conllAnalytic')}</option>
              </select>
            </label>
          ) : null}
          {spec.options.includes('conllLabels') ? (
            <label>
              {t('schema.export.conllLabels')}{' '}
              <select
                aria-label={t('schema.export.conllLabelsLabel')}
                value={conllLabels}
                onChange={(event) => setConllLabels(event.target.value as ExportOptions['conllLabels'])}
              >
                <option value="top">{t('schema.export.conllTop')}</option>
                <option value="path">{t('schema.export.conllPath')}</option>
              </select>
            </label>
          ) : null}
          {spec.options.includes('csvBom') ? (
            <label>
              <input type="checkbox" checked={csvBom} onChange={(event) => setCsvBom(event.target.checked)} />{' '}
              {t('export.csvBom')}
            </label>
          ) : null}
        </fieldset>
        <fieldset disabled={running}>
          <legend>{t('export.offsets')}</legend>
          {OFFSET_UNITS.map((unit) => (
            <RadioOption
              key={unit}
              name="unit"
              disabled={!unitAvailable(unit)}
              checked={options().offsetUnit === unit}
              onSelect={() => setOffsetUnit(unit)}
            >
              {t(`export.unit.${unit}`)}
            </RadioOption>
          ))}
        </fieldset>
        <JobFormButtons
          submitLabel={t('export.submit')}
          running={running}
          submitDisabled={labelKeys.size === 0 || (authors !== undefined && authors.length === 0)}
          onCancel={() => void cancel()}
        />
      </form>
      {job ? <ExportProgress job={job} /> : null}
    </Modal>
  );
}

export function ExportProgress({ job }: { job: ExportJob }) {
  const { t } = useTranslation();
  return (
    <div className="progress-block" aria-label={t('export.progress')}>
      <progress max={Math.max(job.articlesTotal, 1)} value={job.articlesDone} aria-label={t('export.progress')} />
      <div className="progress-block__line" aria-live="polite">
        {job.state === 'running'
          ? t('export.running', { done: job.articlesDone, total: job.articlesTotal, spans: job.spansWritten })
          : job.state === 'done'
            ? t('export.done', { done: job.articlesDone, spans: job.spansWritten, file: job.path ?? job.fileName })
            : job.state === 'cancelled'
              ? t('export.cancelled')
              : t('export.failed', {
                  error: job.error ? backendText(job.errorRef, job.error) : t('export.unknownError'),
                })}
      </div>
      <SpanIssues count={job.leftOutCount} issues={job.leftOut} summary={t('export.leftOut')} />
      <SpanIssues count={job.widenedCount} issues={job.widened} summary={t('export.widened')} />
    </div>
  );
}

function SpanIssues({ count, issues, summary }: { count: number; issues: ExportJob['leftOut']; summary: string }) {
  const { t } = useTranslation();
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
            {t('export.issue', { ...issue })}
          </li>
        ))}
      </ul>
    </details>
  );
}
