/**
 * Annotations brought over from other tools, as pure data: each parser turns a file into texts
 * and spans in the file's own unit; `resolveSpans` converts them to UTF-16 on that text, checks
 * each against the quote the file carries, and says in words what it did (unit detected or
 * given, spans skipped and why).
 */
import type { AnnotationOrigin } from '../../domain/schemas';
import type { MessageRef } from '../../messages/backend-messages';
import { OffsetConverter } from '../../text/offsets';

export type PeerUnit = 'utf16' | 'codepoint';

/** A span as the file states it: offsets in the file's unit, and its text when the format carries one. */
export interface PeerSpan {
  start: number;
  end: number;
  label: string;
  quote: string | null;
  /** A note the file gives the span (Marginalia JSONL, brat AnnotatorNotes). */
  note?: string;
  /** Who made the span, how, and its id in the file (Marginalia JSONL), kept as data. */
  made?: { id: number; author: string; origin: AnnotationOrigin };
}

export interface PeerAnnotations {
  /** "doccano JSONL", "Label Studio JSON" … for the report. */
  format: string;
  /** The unit the format documents, or 'detect' (quotes decide, code points when none tell). */
  unit: PeerUnit | 'detect';
  spans: PeerSpan[];
  /** What the parser already set aside (discontinuous brat spans, broken BIO). */
  problems: MessageRef[];
}

/** A span in UTF-16 on the text it came with, its quote checked. */
export interface ResolvedSpan extends Pick<PeerSpan, 'note' | 'made'> {
  start: number;
  end: number;
  label: string;
  quote: string;
}

export interface Resolution {
  spans: ResolvedSpan[];
  notes: MessageRef[];
}

const UNIT_GIVEN = { utf16: 'peerUnitGivenUtf16', codepoint: 'peerUnitGivenCodePoints' } as const;
const UNIT_DETECTED = { utf16: 'peerUnitDetectedUtf16', codepoint: 'peerUnitDetectedCodePoints' } as const;

const describe = (span: PeerSpan) =>
  `${span.label} [${span.start}, ${span.end})${span.quote ? ` “${span.quote}”` : ''}`;

function toUtf16(converter: OffsetConverter, span: PeerSpan, unit: PeerUnit): { start: number; end: number } | null {
  try {
    const start = unit === 'utf16' ? span.start : converter.codePointToU16(span.start);
    const end = unit === 'utf16' ? span.end : converter.codePointToU16(span.end);
    if (unit === 'utf16') {
      // Throws when an offset is out of range or splits a surrogate pair.
      converter.u16ToCodePoint(start);
      converter.u16ToCodePoint(end);
    }
    return start < end ? { start, end } : null;
  } catch {
    return null;
  }
}

const fits = (text: string, converter: OffsetConverter, span: PeerSpan, unit: PeerUnit): boolean => {
  const range = toUtf16(converter, span, unit);
  return range !== null && (span.quote === null || text.slice(range.start, range.end) === span.quote);
};

/**
 * The unit the spans are in: the documented one, or, to detect, the unit in which every quoted
 * span matches (UTF-16 and code points agree unless the text has astral characters).
 */
function unitOf(
  text: string,
  converter: OffsetConverter,
  annotations: PeerAnnotations,
): { unit: PeerUnit; note: MessageRef } {
  if (annotations.unit !== 'detect') {
    return {
      unit: annotations.unit,
      note: { key: UNIT_GIVEN[annotations.unit], params: { format: annotations.format } },
    };
  }
  if (!converter.hasAstral) return { unit: 'codepoint', note: { key: 'peerUnitsAgree', params: {} } };
  const matches = (unit: PeerUnit) =>
    annotations.spans.filter((span) => span.quote !== null && fits(text, converter, span, unit)).length;
  const [codepoint, utf16] = [matches('codepoint'), matches('utf16')];
  const unit: PeerUnit = utf16 > codepoint ? 'utf16' : 'codepoint';
  return {
    unit,
    note: { key: UNIT_DETECTED[unit], params: { count: Math.max(codepoint, utf16) } },
  };
}

export function resolveSpans(text: string, annotations: PeerAnnotations): Resolution {
  const converter = new OffsetConverter(text);
  const { unit, note } = unitOf(text, converter, annotations);
  const spans: ResolvedSpan[] = [];
  const skipped: MessageRef[] = [...annotations.problems];
  for (const span of annotations.spans) {
    const range = toUtf16(converter, span, unit);
    if (!range) {
      skipped.push({ key: 'peerSpanOffsetsMisfit', params: { span: describe(span) } });
      continue;
    }
    const quote = text.slice(range.start, range.end);
    if (span.quote !== null && span.quote !== quote) {
      skipped.push({ key: 'peerSpanQuoteMisfit', params: { span: describe(span), quote } });
      continue;
    }
    spans.push({ ...span, ...range, quote });
  }
  const notes: MessageRef[] = [
    {
      key: 'peerSpansRead',
      params: { format: annotations.format, read: spans.length, total: annotations.spans.length },
    },
    note,
  ];
  // The first ten reasons, each a note of its own so that each is shown in the UI's language.
  if (skipped.length > 0)
    notes.push({ key: 'peerSpansSkipped', params: { count: skipped.length } }, ...skipped.slice(0, 10));
  return { spans, notes };
}
