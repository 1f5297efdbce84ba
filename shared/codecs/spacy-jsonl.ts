/**
 * spaCy-ready JSONL: one article per line, in Prodigy's `ner_manual` shape (`text`, `tokens`,
 * `spans` with `token_start`/`token_end`), offsets in code points.
 *
 * The tokens are built so that spaCy's `Doc(vocab, words, spaces)` gives back exactly `text`
 * and `doc.char_span(start, end)` finds every span, even one whose edge falls inside a syllable:
 * - the editor's syllable tokens, split wherever a span starts or ends;
 * - a single space after a token is that token's `ws`; any other whitespace (line breaks, a
 *   second space, a space where a span starts) is a token of its own, as spaCy's tokenizer does.
 * Relations are in Prodigy's `rel.manual` shape: `head`/`child` are the last token of each span,
 * with `head_span`/`child_span` giving the spans themselves.
 * The recipe that turns the file into a DocBin is in the README.
 */
import { SCHEMA_FILE_VERSION } from '../domain/schema-file';
import { syllableTokens } from '../text/syllables';
import { OffsetConverter } from '../text/offsets';
import type { ExportCodec, ExportContext } from './types';
import { relationsAmong } from './relations';
import { toUnitSpans } from './unit-spans';
import { CANONICAL_NORMALIZATION } from './workbench-json';

export interface SpacyToken {
  text: string;
  start: number;
  end: number;
  id: number;
  /** spaCy's `spaces`: the token is followed by one space that belongs to no token. */
  ws: boolean;
}

/** Tokens (UTF-16 offsets) whose boundaries include every offset in `cuts`. */
export function spacyTokens(text: string, cuts: Iterable<number>): { start: number; end: number; ws: boolean }[] {
  const forced = new Set(cuts);
  const boundaries = new Set<number>([0, text.length, ...forced]);
  for (const token of syllableTokens(text)) {
    boundaries.add(token.start);
    boundaries.add(token.end);
  }
  const sorted = [...boundaries].filter((offset) => offset >= 0 && offset <= text.length).sort((a, b) => a - b);
  const tokens: { start: number; end: number; ws: boolean }[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    const previous = tokens[tokens.length - 1];
    const isSingleSpace = end - start === 1 && text[start] === ' ';
    if (isSingleSpace && previous && !previous.ws && !forced.has(start) && text[previous.end - 1]?.trim()) {
      previous.ws = true;
      continue;
    }
    tokens.push({ start, end, ws: false });
  }
  return tokens;
}

export function createSpacyJsonlCodec(context: ExportContext): ExportCodec {
  const entityLabels = context.labels.filter((label) => label.kind === 'entity').map((label) => label.key);
  const meta = {
    offset_unit: 'codepoint',
    normalization: CANONICAL_NORMALIZATION,
    schema_version: SCHEMA_FILE_VERSION,
    entity_labels: entityLabels,
  };
  return {
    begin: () => '',
    article(article, annotations, relations) {
      const { text } = article;
      const { spans, invalid } = toUnitSpans(text, annotations, 'codepoint');
      const converter = new OffsetConverter(text);
      const cuts = spans.flatMap(({ annotation }) => [annotation.start, annotation.end]);
      const tokens: SpacyToken[] = spacyTokens(text, cuts).map((token, id) => ({
        text: text.slice(token.start, token.end),
        start: converter.u16ToCodePoint(token.start),
        end: converter.u16ToCodePoint(token.end),
        id,
        ws: token.ws,
      }));
      const tokenStarting = new Map(tokens.map((token) => [token.start, token.id]));
      const tokenEnding = new Map(tokens.map((token) => [token.end, token.id]));
      const spanLines = spans.map(({ annotation, start, end }) => ({
        start,
        end,
        token_start: tokenStarting.get(start),
        token_end: tokenEnding.get(end),
        label: annotation.labelKey,
        text: annotation.quote,
      }));
      const line = {
        id: article.id,
        title: article.title,
        source: article.source,
        published: article.publishedAt,
        text,
        tokens,
        spans: spanLines,
        relations: relationsAmong(relations, spans).map(({ relation, head, tail }) => {
          const headSpan = spanLines[head]!;
          const childSpan = spanLines[tail]!;
          const { text: _headText, ...headSpanFields } = headSpan;
          const { text: _childText, ...childSpanFields } = childSpan;
          return {
            head: headSpan.token_end,
            child: childSpan.token_end,
            head_span: headSpanFields,
            child_span: childSpanFields,
            label: relation.typeKey,
          };
        }),
        meta: { ...meta, article_id: article.id },
      };
      return { chunk: `${JSON.stringify(line)}\n`, spansWritten: spans.length, leftOut: invalid, widened: [] };
    },
    end: () => '',
  };
}
