/**
 * Writes the spans a file brought from another tool (shared/import/peers) onto the article it
 * was stored as, through the change pipeline with `origin: 'import'`:
 * - offsets move from the file's text to the canonical text (NFC, LF…), and each span is
 *   checked again there;
 * - a label the workbench lacks is matched by key or name, else created and named in the report;
 * - spans already on the article (same label and range) are not added twice.
 */
import type { Change } from '../../../shared/domain/changes';
import type { Label } from '../../../shared/domain/schemas';
import { resolveSpans, type PeerAnnotations } from '../../../shared/import/peers/spans';
import { canonicalize } from '../../../shared/text/canonical';
import type { Workbench } from '../workbench';

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

class LabelMapper {
  private readonly byName = new Map<string, string>();
  readonly created: string[] = [];

  constructor(
    private readonly workbench: Workbench,
    private readonly format: string,
  ) {}

  keyOf(name: string): string {
    const known = this.byName.get(name);
    if (known) return known;
    const labels = this.workbench.labels.list();
    const folded = name.trim().toLocaleLowerCase('vi');
    const existing =
      labels.find((label) => label.key === name) ??
      labels.find((label) => [label.nameVi, label.nameEn].some((n) => n.toLocaleLowerCase('vi') === folded)) ??
      labels.find((label) => label.key === (LABEL_ALIASES[keyFor(name)] ?? keyFor(name)));
    const key = existing?.key ?? this.create(name, labels);
    this.byName.set(name, key);
    return key;
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
  fileName: string,
): string[] {
  const resolution = resolveSpans(rawText, annotations);
  const notes = [...resolution.notes];
  const text = workbench.articles.getText(articleId);
  const labels = new LabelMapper(workbench, annotations.format);
  const keyOfSpan = (label: string, start: number, end: number) => `${label}\u0000${start}\u0000${end}`;
  const present = new Set(
    workbench.annotationRows.listForArticle(articleId).map((row) => keyOfSpan(row.labelKey, row.start, row.end)),
  );
  const changes: Change[] = [];
  const lost: string[] = [];
  resolution.spans.forEach((span, index) => {
    const start = canonicalOffset(rawText, span.start);
    const end = canonicalOffset(rawText, span.end);
    const quote = text.slice(start, end);
    if (end > text.length || quote !== canonicalize(span.quote).text || quote.trim() === '') {
      lost.push(`${span.label} “${span.quote}”`);
      return;
    }
    const labelKey = labels.keyOf(span.label);
    if (present.has(keyOfSpan(labelKey, start, end))) return;
    present.add(keyOfSpan(labelKey, start, end));
    changes.push({
      kind: 'annotation.create',
      ref: String(index),
      annotation: { articleId, labelKey, start, end, quote },
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
  notes.push(
    `Added ${changes.length} annotations${resolution.spans.length > changes.length + lost.length ? ' (the others were already there)' : ''}.`,
  );
  if (labels.created.length > 0)
    notes.push(`New labels for names this workbench did not have: ${labels.created.join(', ')}.`);
  if (lost.length > 0)
    notes.push(`Not placed on the canonical text (outside it, or blank): ${lost.slice(0, 10).join('; ')}.`);
  return notes;
}
