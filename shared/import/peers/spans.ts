/**
 * Annotations brought over from other tools, as pure data: each parser turns a file into texts
 * and spans in the file's own unit; `resolveSpans` converts them to UTF-16 on that text, checks
 * each against the quote the file carries, and says in words what it did (unit detected or
 * given, spans skipped and why).
 */
import type { AnnotationOrigin } from '../../domain/schemas';
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
  problems: string[];
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
  notes: string[];
}

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
): { unit: PeerUnit; note: string } {
  if (annotations.unit !== 'detect') {
    return {
      unit: annotations.unit,
      note: `Offsets in ${unitName(annotations.unit)}, as ${annotations.format} counts them.`,
    };
  }
  if (!converter.hasAstral) return { unit: 'codepoint', note: 'Offsets: UTF-16 and code points agree on this text.' };
  const matches = (unit: PeerUnit) =>
    annotations.spans.filter((span) => span.quote !== null && fits(text, converter, span, unit)).length;
  const [codepoint, utf16] = [matches('codepoint'), matches('utf16')];
  const unit: PeerUnit = utf16 > codepoint ? 'utf16' : 'codepoint';
  return {
    unit,
    note: `Offsets detected as ${unitName(unit)} (${Math.max(codepoint, utf16)} quotes matched that way).`,
  };
}

const unitName = (unit: PeerUnit) => (unit === 'utf16' ? 'UTF-16 code units' : 'code points');

export function resolveSpans(text: string, annotations: PeerAnnotations): Resolution {
  const converter = new OffsetConverter(text);
  const { unit, note } = unitOf(text, converter, annotations);
  const spans: ResolvedSpan[] = [];
  const skipped = [...annotations.problems];
  for (const span of annotations.spans) {
    const range = toUtf16(converter, span, unit);
    if (!range) {
      skipped.push(`${describe(span)}: the offsets do not fit the text`);
      continue;
    }
    const quote = text.slice(range.start, range.end);
    if (span.quote !== null && span.quote !== quote) {
      skipped.push(`${describe(span)}: the text at these offsets is “${quote}”, not the file's quote`);
      continue;
    }
    spans.push({ ...span, ...range, quote });
  }
  const notes = [`${annotations.format}: ${spans.length} of ${annotations.spans.length} spans read. ${note}`];
  if (skipped.length > 0)
    notes.push(
      `Skipped ${skipped.length} spans: ${skipped.slice(0, 10).join('; ')}${skipped.length > 10 ? '; …' : ''}.`,
    );
  return { spans, notes };
}
