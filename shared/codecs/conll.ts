/**
 * CoNLL-2003-style BIO (IOB2) for NER training. Three tab-separated columns: token, then the
 * analytic tag (RISK, PROPOSAL: labels of kind "analytic") and the entity tag (kind "entity"), so
 * an entity inside a risk keeps both. The entity column is LAST by default, where
 * `spacy convert -c ner` and NLTK's `ne` column read the entities (`conllLastColumn` swaps them).
 * One sentence per block; each article starts with the standard separator `-DOCSTART- -X- O O`
 * (spaCy's document delimiter, verbatim: anything else there fails with E177). Articles follow in
 * ascending id order; the ids are not in the file (no CoNLL reader accepts them).
 *
 * Tokens and sentences are the editor's own (shared/text/syllables.ts), so a span snapped in the
 * editor maps onto whole tokens. Offsets are the truth and tags are derived from them:
 * - a span whose edge falls inside a token is widened to whole tokens, and reported;
 * - where one column still holds overlapping spans, the longest (outermost) is kept and the
 *   others are reported as left out, naming the span that kept the place;
 * - a sentence boundary inside a tagged span is not a block break, so no entity is cut in two.
 */
import type { SpanIssue } from '../contract/exports';
import type { LabelKind } from '../domain/schemas';
import { sentenceRanges, syllableTokens, type TextRange } from '../text/syllables';
import { tokenRangeOf } from '../text/token-range';
import type { ExportCodec, ExportContext } from './types';
import { topLevelKey } from '../domain/label-tree';
import { labelPaths } from './label-paths';
import { spanIssue, toUnitSpans, type UnitSpan } from './unit-spans';

const OUTSIDE = 'O';

/** A span mapped onto tokens: `first..last` inclusive. */
interface TokenSpan {
  span: UnitSpan;
  first: number;
  last: number;
}

interface Column {
  tags: string[];
  placed: TokenSpan[];
  leftOut: SpanIssue[];
}

/** The document separator spaCy's CoNLL converter splits on; it must be exactly this. */
export const CONLL_DOCSTART = '-DOCSTART- -X- O O';

export type ConllLastColumn = 'entity' | 'analytic';

/** What a tag names: the top-level label (default) or the full path. */
export type ConllLabels = 'top' | 'path';

export function createConllCodec(
  context: ExportContext,
  lastColumn: ConllLastColumn = 'entity',
  labels: ConllLabels = 'top',
): ExportCodec {
  const kindOf = new Map(context.labels.map((label) => [label.key, label.kind]));
  const paths = labelPaths(context);
  const schema = context.schema ?? context.labels;
  const tagLabelOf = (key: string): string => (labels === 'path' ? (paths.get(key) ?? key) : topLevelKey(schema, key));
  return {
    begin: () => '',
    article(article, annotations) {
      const { text } = article;
      const { spans, invalid } = toUnitSpans(text, annotations, context.unit);
      const tokens = syllableTokens(text);
      const leftOut: SpanIssue[] = [...invalid];
      const byKind: Record<LabelKind, TokenSpan[]> = { entity: [], analytic: [] };
      for (const span of spans) {
        const mapped = mapToTokens(tokens, span);
        if (!mapped) leftOut.push(issueOf(span, 'covers no token (only spaces)'));
        else byKind[kindOf.get(span.annotation.labelKey) ?? 'entity'].push(mapped);
      }
      const entity = tagColumn(tokens.length, byKind.entity, 'entity', tagLabelOf);
      const analytic = tagColumn(tokens.length, byKind.analytic, 'analytic', tagLabelOf);
      leftOut.push(...entity.leftOut, ...analytic.leftOut);
      const widened = [...entity.placed, ...analytic.placed]
        .filter((placed) => isWidened(tokens, placed))
        .map((placed) => {
          const written = text.slice((tokens[placed.first] as TextRange).start, (tokens[placed.last] as TextRange).end);
          return issueOf(placed.span, `an edge falls inside a token; written as the whole tokens “${written}”`);
        });

      const sentenceStarts = new Set(sentenceRanges(text).map((sentence) => sentence.start));
      const insideSpan = (index: number) => isInside(entity.tags[index]) || isInside(analytic.tags[index]);
      const [second, last] = lastColumn === 'entity' ? [analytic, entity] : [entity, analytic];
      const lines = [CONLL_DOCSTART, ''];
      tokens.forEach((token, index) => {
        if (index > 0 && sentenceStarts.has(token.start) && !insideSpan(index)) lines.push('');
        lines.push(`${text.slice(token.start, token.end)}\t${second.tags[index]}\t${last.tags[index]}`);
      });
      if (tokens.length > 0) lines.push('');
      return {
        chunk: `${lines.join('\n')}\n`,
        spansWritten: entity.placed.length + analytic.placed.length,
        // Reported in text order, whichever column they came from.
        leftOut: leftOut.sort(byPosition),
        widened: widened.sort(byPosition),
      };
    },
    end: () => '',
  };
}

function mapToTokens(tokens: readonly TextRange[], span: UnitSpan): TokenSpan | null {
  const range = tokenRangeOf(tokens, span.annotation.start, span.annotation.end);
  return range ? { span, ...range } : null;
}

function isWidened(tokens: readonly TextRange[], { span, first, last }: TokenSpan): boolean {
  return (
    (tokens[first] as TextRange).start < span.annotation.start || (tokens[last] as TextRange).end > span.annotation.end
  );
}

/** Fills one BIO column, longest spans first; a span that would overlap a kept one is left out. */
function tagColumn(
  tokenCount: number,
  spans: readonly TokenSpan[],
  columnName: LabelKind,
  tagLabelOf: (key: string) => string,
): Column {
  const column: Column = { tags: new Array<string>(tokenCount).fill(OUTSIDE), placed: [], leftOut: [] };
  const owner = new Array<TokenSpan | null>(tokenCount).fill(null);
  for (const candidate of [...spans].sort(outermostFirst)) {
    const blocker = owner.slice(candidate.first, candidate.last + 1).find((held) => held !== null);
    if (blocker) {
      const { annotation, start, end } = blocker.span;
      const reason = `overlaps ${annotation.labelKey} “${annotation.quote}” [${start}, ${end}), kept in the ${columnName} column`;
      column.leftOut.push(issueOf(candidate.span, reason));
      continue;
    }
    const label = tagLabelOf(candidate.span.annotation.labelKey);
    for (let index = candidate.first; index <= candidate.last; index++) {
      owner[index] = candidate;
      column.tags[index] = `${index === candidate.first ? 'B' : 'I'}-${label}`;
    }
    column.placed.push(candidate);
  }
  return column;
}

function outermostFirst(a: TokenSpan, b: TokenSpan): number {
  const lengthOf = (span: TokenSpan) => span.span.annotation.end - span.span.annotation.start;
  return (
    b.last - b.first - (a.last - a.first) ||
    lengthOf(b) - lengthOf(a) ||
    a.span.annotation.start - b.span.annotation.start ||
    a.span.annotation.id - b.span.annotation.id
  );
}

function isInside(tag: string | undefined): boolean {
  return tag?.startsWith('I-') ?? false;
}

function byPosition(a: SpanIssue, b: SpanIssue): number {
  return a.start - b.start || a.end - b.end;
}

function issueOf(span: UnitSpan, reason: string): SpanIssue {
  return spanIssue(span.annotation, span.start, span.end, reason);
}
