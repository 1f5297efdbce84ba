/**
 * Span shapes inside JSON records, as each tool documents its export:
 * - Marginalia JSONL and spaCy JSONL: `spans: [{start, end, label, text}]`, `meta.offset_unit`;
 * - Prodigy / spaCy JSONL: `spans: [{start, end, label}]`, code points (Python);
 * - doccano JSONL: `label: [[start, end, "LABEL"]]`, or `entities: [{start_offset, end_offset, label}]`; UTF-16;
 * - Label Studio JSON: `[{data: {text}, annotations: [{result: [{value: {start, end, text, labels}}]}]}]`; UTF-16.
 * Null when the record carries no spans.
 */
import { ANNOTATION_ORIGINS } from '../../domain/schemas';
import type { MessageRef } from '../../messages/backend-messages';
import type { PeerAnnotations, PeerSpan } from './spans';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isOffset = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** Reads `items` with `read`; items it cannot read become problems naming their position. */
function collect(items: readonly unknown[], read: (item: unknown) => PeerSpan | null, field: string) {
  const spans: PeerSpan[] = [];
  const problems: MessageRef[] = [];
  items.forEach((item, index) => {
    const span = read(item);
    if (span) spans.push(span);
    else {
      const sample = JSON.stringify(item)?.slice(0, 60) ?? '';
      problems.push({ key: 'peerItemNotASpan', params: { field, index: index + 1, sample } });
    }
  });
  return { spans, problems };
}

/** What Marginalia's JSONL adds to a span: its note, and who made it, how, under which id. */
function marginaliaSpanData(item: Json): Pick<PeerSpan, 'note' | 'made'> {
  const note = typeof item.note === 'string' && item.note !== '' ? { note: item.note } : {};
  const origin = ANNOTATION_ORIGINS.find((known) => known === item.origin);
  const made =
    Number.isSafeInteger(item.id) && (item.id as number) > 0 && typeof item.author === 'string' && origin
      ? { made: { id: item.id as number, author: item.author, origin } }
      : {};
  return { ...note, ...made };
}

export function recordAnnotations(record: Json): PeerAnnotations | null {
  if (Array.isArray(record.spans) && record.spans.length > 0) {
    const meta = isObject(record.meta) ? record.meta : {};
    const marginalia = meta.offset_unit === 'utf16' || meta.offset_unit === 'codepoint';
    const { spans, problems } = collect(
      record.spans,
      (item) =>
        isObject(item) && isOffset(item.start) && isOffset(item.end) && typeof item.label === 'string'
          ? {
              start: item.start,
              end: item.end,
              label: item.label,
              quote: typeof item.text === 'string' ? item.text : null,
              ...(marginalia ? marginaliaSpanData(item) : {}),
            }
          : null,
      'spans',
    );
    return marginalia
      ? { format: 'Marginalia JSONL', unit: meta.offset_unit as 'utf16' | 'codepoint', spans, problems }
      : { format: 'Prodigy / spaCy JSONL', unit: 'codepoint', spans, problems };
  }
  if (Array.isArray(record.label) && record.label.length > 0) {
    const { spans, problems } = collect(
      record.label,
      (item) =>
        Array.isArray(item) && isOffset(item[0]) && isOffset(item[1]) && typeof item[2] === 'string'
          ? { start: item[0], end: item[1], label: item[2], quote: null }
          : null,
      'label',
    );
    return { format: 'doccano JSONL', unit: 'utf16', spans, problems };
  }
  if (Array.isArray(record.entities) && record.entities.length > 0) {
    const { spans, problems } = collect(
      record.entities,
      (item) =>
        isObject(item) && isOffset(item.start_offset) && isOffset(item.end_offset) && typeof item.label === 'string'
          ? { start: item.start_offset, end: item.end_offset, label: item.label, quote: null }
          : null,
      'entities',
    );
    return { format: 'doccano JSONL', unit: 'utf16', spans, problems };
  }
  return null;
}

export interface LabelStudioTask {
  text: string;
  title: string | null;
  annotations: PeerAnnotations;
}

/** True for a Label Studio JSON export: an array of tasks with `data` and `annotations`. */
export function isLabelStudioExport(parsed: unknown): parsed is Json[] {
  return (
    Array.isArray(parsed) &&
    parsed.length > 0 &&
    parsed.every((task) => isObject(task) && isObject(task.data) && Array.isArray(task.annotations))
  );
}

/** Each task's text and the labelled regions of its annotations (`type: "labels"`), in UTF-16. */
export function labelStudioTasks(tasks: readonly Json[]): (LabelStudioTask | { reason: MessageRef })[] {
  return tasks.map((task) => {
    const data = task.data as Json;
    const text =
      typeof data.text === 'string' ? data.text : Object.values(data).find((value) => typeof value === 'string');
    if (typeof text !== 'string') return { reason: { key: 'labelStudioTaskNoText', params: {} } as const };
    const regions = (task.annotations as unknown[])
      .filter(isObject)
      .flatMap((annotation) => (Array.isArray(annotation.result) ? annotation.result : []))
      .filter((region) => isObject(region) && isObject(region.value) && Array.isArray((region.value as Json).labels));
    const spans: PeerSpan[] = [];
    const problems: MessageRef[] = [];
    for (const region of regions as Json[]) {
      const value = region.value as Json;
      const labels = (value.labels as unknown[]).filter((label): label is string => typeof label === 'string');
      if (!isOffset(value.start) || !isOffset(value.end) || labels.length === 0) {
        problems.push({ key: 'peerRegionNoOffsets', params: { region: String(region.id ?? '?') } });
        continue;
      }
      const quote = typeof value.text === 'string' ? value.text : null;
      for (const label of labels) spans.push({ start: value.start, end: value.end, label, quote });
    }
    const title = typeof data.title === 'string' ? data.title : null;
    return { text, title, annotations: { format: 'Label Studio JSON', unit: 'utf16', spans, problems } };
  });
}
