/**
 * CoNLL-2003-style BIO (IOB2) on syllable tokens, for NER training. Three tab-separated columns:
 * token, entity tag (labels of kind "entity"), analytic tag (RISK, PROPOSAL: kind "analytic"),
 * so an entity inside a risk keeps both. One sentence per block; each article starts with a
 * `-DOCSTART- <article id>` line. Offsets are the truth and tags are derived from them:
 * - a span whose edge falls inside a token is widened to whole tokens, and reported;
 * - where one column still holds overlapping spans, the longest (outermost) is kept and the
 *   others are reported as left out, naming the span that kept the place.
 */
import type { SpanIssue } from '../contract/exports';
import type { LabelKind } from '../domain/schemas';
import { firstTokenEndingAfter, syllableTokens, type Token } from './syllable-tokens';
import type { ExportCodec, ExportContext } from './types';
import { spanIssue, toUnitSpans, type UnitSpan } from './unit-spans';

const CONLL_OUTSIDE = 'O';

const SENTENCE_END = new Set(['.', '!', '?', '…']);
/** Closing quotes and brackets that belong to the sentence they follow: `… nói.”` */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);

/** A span mapped onto tokens: `first..last` inclusive. */
interface TokenSpan {
  span: UnitSpan;
  first: number;
  last: number;
}

export function createConllCodec(context: ExportContext): ExportCodec {
  const kindOf = new Map(context.labels.map((label) => [label.key, label.kind]));
  return {
    begin: () => '',
    article(article, annotations) {
      const { spans, invalid } = toUnitSpans(article.text, annotations, context.unit);
      const tokens = syllableTokens(article.text);
      const leftOut: SpanIssue[] = [...invalid];
      const widened: SpanIssue[] = [];
      const byKind: Record<LabelKind, TokenSpan[]> = { entity: [], analytic: [] };
      for (const span of spans) {
        const mapped = mapToTokens(tokens, span);
        if (!mapped) leftOut.push(issueOf(span, 'covers no token (only spaces)'));
        else byKind[kindOf.get(span.annotation.labelKey) ?? 'entity'].push(mapped);
      }
      const entity = tagColumn(tokens.length, byKind.entity, 'entity');
      const analytic = tagColumn(tokens.length, byKind.analytic, 'analytic');
      for (const column of [entity, analytic]) {
        leftOut.push(...column.leftOut);
        for (const placed of column.placed) {
          if (isWidened(tokens, placed)) {
            const asWritten = article.text.slice(
              (tokens[placed.first] as Token).start,
              (tokens[placed.last] as Token).end,
            );
            widened.push(
              issueOf(placed.span, `an edge falls inside a token; written as the whole tokens “${asWritten}”`),
            );
          }
        }
      }
      // Reported in text order, whichever column they came from.
      leftOut.sort(byPosition);
      widened.sort(byPosition);
      const lines = [`-DOCSTART- ${article.id}`, ''];
      tokens.forEach((token, index) => {
        if (index > 0 && isSentenceBreak(article.text, tokens, index, entity.tags, analytic.tags)) lines.push('');
        lines.push(`${token.text}\t${entity.tags[index]}\t${analytic.tags[index]}`);
      });
      if (tokens.length > 0) lines.push('');
      return {
        chunk: `${lines.join('\n')}\n`,
        spansWritten: entity.placed.length + analytic.placed.length,
        leftOut,
        widened,
      };
    },
    end: () => '',
  };
}

function mapToTokens(tokens: readonly Token[], span: UnitSpan): TokenSpan | null {
  const { start, end } = span.annotation;
  const first = firstTokenEndingAfter(tokens, start);
  let last = firstTokenEndingAfter(tokens, end - 1);
  if (last === tokens.length || (tokens[last] as Token).start >= end) last--;
  return first <= last ? { span, first, last } : null;
}

function isWidened(tokens: readonly Token[], { span, first, last }: TokenSpan): boolean {
  return (tokens[first] as Token).start < span.annotation.start || (tokens[last] as Token).end > span.annotation.end;
}

/** Fills one BIO column, longest spans first; a span that would overlap a kept one is left out. */
function tagColumn(
  tokenCount: number,
  spans: readonly TokenSpan[],
  columnName: LabelKind,
): { tags: string[]; placed: TokenSpan[]; leftOut: SpanIssue[] } {
  const tags = new Array<string>(tokenCount).fill(CONLL_OUTSIDE);
  const owner = new Array<TokenSpan | null>(tokenCount).fill(null);
  const placed: TokenSpan[] = [];
  const leftOut: SpanIssue[] = [];
  for (const candidate of [...spans].sort(outermostFirst)) {
    const blocker = owner.slice(candidate.first, candidate.last + 1).find((held) => held !== null);
    if (blocker) {
      const kept = blocker.span;
      leftOut.push(
        issueOf(
          candidate.span,
          `overlaps ${kept.annotation.labelKey} “${kept.annotation.quote}” [${kept.start}, ${kept.end}), kept in the ${columnName} column`,
        ),
      );
      continue;
    }
    const label = candidate.span.annotation.labelKey;
    for (let index = candidate.first; index <= candidate.last; index++) {
      owner[index] = candidate;
      tags[index] = `${index === candidate.first ? 'B' : 'I'}-${label}`;
    }
    placed.push(candidate);
  }
  return { tags, placed, leftOut };
}

function outermostFirst(a: TokenSpan, b: TokenSpan): number {
  return (
    b.last - b.first - (a.last - a.first) ||
    b.span.annotation.end - b.span.annotation.start - (a.span.annotation.end - a.span.annotation.start) ||
    a.span.annotation.start - b.span.annotation.start ||
    a.span.annotation.id - b.span.annotation.id
  );
}

/**
 * A new sentence starts at a line break, or after . ! ? … (and any closing quote glued to it)
 * followed by a space — but never inside a tagged span, so "TP. Hồ Chí Minh" stays whole.
 */
function isSentenceBreak(
  text: string,
  tokens: readonly Token[],
  index: number,
  entityTags: readonly string[],
  analyticTags: readonly string[],
): boolean {
  if (entityTags[index]?.startsWith('I-') || analyticTags[index]?.startsWith('I-')) return false;
  const previous = tokens[index - 1] as Token;
  const gap = text.slice(previous.end, (tokens[index] as Token).start);
  if (gap.includes('\n')) return true;
  if (gap.length === 0) return false;
  let end = index - 1;
  while (
    end > 0 &&
    CLOSERS.has((tokens[end] as Token).text) &&
    (tokens[end - 1] as Token).end === (tokens[end] as Token).start
  )
    end--;
  return SENTENCE_END.has((tokens[end] as Token).text);
}

function byPosition(a: SpanIssue, b: SpanIssue): number {
  return a.start - b.start || a.end - b.end;
}

function issueOf(span: UnitSpan, reason: string): SpanIssue {
  return spanIssue(span.annotation, span.start, span.end, reason);
}
