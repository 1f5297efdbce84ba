import type { SpanIssue } from '../contract/exports';
import type { Annotation } from '../domain/schemas';
import { spanProblem } from '../domain/spans';
import { OffsetConverter, type OffsetUnit } from '../text/offsets';

/** An annotation with its offsets in the export's unit; `annotation` keeps the stored UTF-16 ones. */
export interface UnitSpan {
  annotation: Annotation;
  start: number;
  end: number;
}

/**
 * Converts stored offsets to `unit`. A span that breaks the rules of the data (only possible if
 * the database was edited by hand) is reported, never written with a quote that does not match.
 */
export function toUnitSpans(
  text: string,
  annotations: readonly Annotation[],
  unit: OffsetUnit,
): { spans: UnitSpan[]; invalid: SpanIssue[] } {
  const converter = unit === 'utf16' ? null : new OffsetConverter(text);
  const spans: UnitSpan[] = [];
  const invalid: SpanIssue[] = [];
  for (const annotation of annotations) {
    const problem = spanProblem(text, annotation.start, annotation.end, annotation.quote);
    if (problem) {
      invalid.push(
        spanIssue(annotation, annotation.start, annotation.end, `invalid stored span (UTF-16 offsets): ${problem}`),
      );
      continue;
    }
    spans.push({
      annotation,
      start: converter ? converter.u16ToCodePoint(annotation.start) : annotation.start,
      end: converter ? converter.u16ToCodePoint(annotation.end) : annotation.end,
    });
  }
  return { spans, invalid };
}

export function spanIssue(annotation: Annotation, start: number, end: number, reason: string): SpanIssue {
  return {
    articleId: annotation.articleId,
    labelKey: annotation.labelKey,
    start,
    end,
    quote: annotation.quote,
    reason,
  };
}

/** One line a person can read, e.g. in the command line's summary. */
export function describeSpanIssue(issue: SpanIssue): string {
  const quote = issue.quote.length > 40 ? `${issue.quote.slice(0, 39)}…` : issue.quote;
  return `article ${issue.articleId}: ${issue.labelKey} “${quote}” [${issue.start}, ${issue.end}) — ${issue.reason}`;
}
