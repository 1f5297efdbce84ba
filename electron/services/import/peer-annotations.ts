/**
 * Writes the spans a file brought from another tool (shared/import/peers) onto the article it
 * was stored as, through the change pipeline with `origin: 'import'`:
 * - offsets move from the file's text to the canonical text (NFC, LF…), and each span is
 *   checked again there;
 * - a label the workbench lacks is matched by key, name or alias; else the review asks whether to
 *   create it, map it to a label here, or skip its spans (./review.ts);
 * - spans already on the article (same label and range) are not added twice.
 */
import type { Change } from '../../../shared/domain/changes';
import type { Label } from '../../../shared/domain/schemas';
import { resolveSpans, type PeerAnnotations } from '../../../shared/import/peers/spans';
import type { MessageRef } from '../../../shared/messages/backend-messages';
import { canonicalize } from '../../../shared/text/canonical';
import { nowIso } from '../store/clock';
import type { Workbench } from '../workbench';
import type { FileReview } from './review';

/** Usual names of the default labels in other tools' schemes. */
const LABEL_ALIASES: Record<string, string> = {
  PERSON: 'PER',
  ORGANIZATION: 'ORG',
  ORGANISATION: 'ORG',
  LOCATION: 'LOC',
};
const NEW_LABEL_COLORS = ['#8e44ad', '#16a085', '#d35400', '#2c3e50', '#c0392b', '#27ae60', '#2980b9', '#7f8c8d'];

/** A label key the schema accepts: upper-case ASCII, starting with a letter, at most 32 long. */
function keyFor(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return (/^[A-Z]/.test(ascii) ? ascii : `L_${ascii}`).slice(0, 32) || 'IMPORTED';
}

/** Where the spans come from, and how their labels are decided. */
export interface PeerImportContext {
  fileName: string;
  review: FileReview;
  /** Spans per label name in the whole file, for the label questions. */
  labelCounts: ReadonlyMap<string, number>;
}

/**
 * The label key for each label name of the file: matched by key, name or usual alias, else
 * asked in the review (create it, map it to a label here, or skip its spans: null).
 */
class LabelMapper {
  private readonly byName = new Map<string, string | null>();
  readonly created: string[] = [];
  readonly mapped: string[] = [];
  readonly skipped = new Map<string, number>();

  constructor(
    private readonly workbench: Workbench,
    private readonly format: string,
    private readonly context: PeerImportContext,
  ) {}

  keyOf(name: string): string | null {
    if (this.byName.has(name)) return this.byName.get(name) ?? null;
    const labels = this.workbench.labels.list();
    const key = this.matching(name, labels)?.key ?? this.decide(name, labels);
    this.byName.set(name, key);
    return key;
  }

  private matching(name: string, labels: readonly Label[]): Label | undefined {
    const folded = name.trim().toLocaleLowerCase('vi');
    return (
      labels.find((label) => label.key === name) ??
      labels.find((label) => [label.nameVi, label.nameEn].some((n) => n.toLocaleLowerCase('vi') === folded)) ??
      labels.find((label) => label.key === (LABEL_ALIASES[keyFor(name)] ?? keyFor(name)))
    );
  }

  private decide(name: string, labels: readonly Label[]): string | null {
    const answer = this.context.review.ask({
      kind: 'label',
      id: `label:${name}`,
      label: name,
      format: this.format,
      files: [this.context.fileName],
      spanCount: this.context.labelCounts.get(name) ?? 0,
      fileLabel: null,
      existing: false,
      differences: [],
    });
    if (answer.choice === 'skip') return null;
    if (answer.choice === 'map') {
      this.mapped.push(`“${name}” → ${answer.labelKey}`);
      return answer.labelKey;
    }
    return this.create(name, labels);
  }

  private create(name: string, labels: readonly Label[]): string {
    const key = keyFor(name);
    const label: Label = {
      key,
      nameVi: name,
      nameEn: name,
      color: NEW_LABEL_COLORS[this.created.length % NEW_LABEL_COLORS.length] as string,
      hotkey: null,
      kind: 'entity',
      description: `Imported from ${this.format}.`,
      sortOrder: Math.max(0, ...labels.map((existing) => existing.sortOrder)) + 1,
      parentKey: null,
      hidden: false,
      guideline: '',
    };
    this.workbench.changes.apply({ origin: 'import', changes: [{ kind: 'label.create', label }] });
    this.created.push(name === key ? key : `${key} (“${name}”)`);
    return key;
  }
}

/** Canonical offset of a raw-text offset: canonicalisation only ever acts within a few characters. */
const canonicalOffset = (rawText: string, offset: number): number => canonicalize(rawText.slice(0, offset)).text.length;

/** Adds the spans as one change set; returns the report lines. Runs inside the file's batch. */
export function addPeerAnnotations(
  workbench: Workbench,
  articleId: number,
  rawText: string,
  annotations: PeerAnnotations,
  context: PeerImportContext,
): MessageRef[] {
  const { fileName } = context;
  const resolution = resolveSpans(rawText, annotations);
  const notes: MessageRef[] = [...resolution.notes];
  const text = workbench.articles.getText(articleId);
  const labels = new LabelMapper(workbench, annotations.format, context);
  const keyOfSpan = (label: string, start: number, end: number) => `${label}\u0000${start}\u0000${end}`;
  const present = new Set(
    workbench.annotationRows.listForArticle(articleId).map((row) => keyOfSpan(row.labelKey, row.start, row.end)),
  );
  const changes: Change[] = [];
  const lost: string[] = [];
  const now = nowIso();
  resolution.spans.forEach((span, index) => {
    const start = canonicalOffset(rawText, span.start);
    const end = canonicalOffset(rawText, span.end);
    const quote = text.slice(start, end);
    if (end > text.length || quote !== canonicalize(span.quote).text || quote.trim() === '') {
      lost.push(`${span.label} “${span.quote}”`);
      return;
    }
    const labelKey = labels.keyOf(span.label);
    if (labelKey === null) {
      labels.skipped.set(span.label, (labels.skipped.get(span.label) ?? 0) + 1);
      return;
    }
    if (present.has(keyOfSpan(labelKey, start, end))) return;
    present.add(keyOfSpan(labelKey, start, end));
    changes.push({
      kind: 'annotation.create',
      ref: String(index),
      annotation: {
        articleId,
        labelKey,
        start,
        end,
        quote,
        ...(span.note !== undefined ? { note: span.note } : {}),
        // The file's author, origin and id are kept as data; the file has no times, so they are now.
        ...(span.made ? { imported: { ...span.made, createdAt: now, updatedAt: now } } : {}),
      },
    });
  });
  if (changes.length > 0) {
    workbench.changes.apply({
      articleId,
      origin: 'import',
      description: `Import ${changes.length} annotations from ${fileName} (${annotations.format})`,
      changes,
    });
  }
  const skippedByChoice = [...labels.skipped.values()].reduce((sum, n) => sum + n, 0);
  const alreadyThere = resolution.spans.length > changes.length + lost.length + skippedByChoice;
  notes.push({ key: alreadyThere ? 'notePeerAddedSomeThere' : 'notePeerAdded', params: { count: changes.length } });
  if (labels.created.length > 0)
    notes.push({ key: 'notePeerLabelsCreated', params: { labels: labels.created.join(', ') } });
  if (labels.mapped.length > 0)
    notes.push({ key: 'notePeerLabelsMapped', params: { labels: labels.mapped.join(', ') } });
  if (skippedByChoice > 0) {
    const which = [...labels.skipped].map(([name, n]) => `${n} “${name}”`).join(', ');
    notes.push({ key: 'notePeerLabelsSkipped', params: { count: skippedByChoice, which } });
  }
  if (lost.length > 0) notes.push({ key: 'notePeerNotPlaced', params: { spans: lost.slice(0, 10).join('; ') } });
  return notes;
}
