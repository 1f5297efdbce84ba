import { parse, type AstNode, type Features } from 'regjsparser';
import { z } from 'zod';
import { LabelKeySchema } from '../domain/schemas';
import { englishMessage, type MessageRef } from '../messages/backend-messages';
import { snapToSyllables, type TextRange } from '../text/syllables';
import { ArticleText } from './article-text';
import type { Suggestion } from './suggestion';

/**
 * A suggestion rule written as data, editable in the app: a regular expression over canonical
 * text (JavaScript syntax, Unicode mode), matched on syllable boundaries. The span is the whole
 * match, or the named group `group`; `extend` stretches it to the end of the clause ("nguy cơ
 * xung đột vũ trang, …") or of the sentence ("Thứ nhất, …" opens a proposal that runs to its full
 * stop).
 */
export const PatternDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'pattern ids are lower-case letters, digits and dashes'),
    labelKey: LabelKeySchema,
    nameVi: z.string().min(1).max(200),
    nameEn: z.string().min(1).max(200),
    regex: z.string().min(1).max(2_000),
    caseInsensitive: z.boolean(),
    group: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]*$/)
      .optional(),
    /** How far the span runs: the match, to the end of its clause (, ; : or sentence end), or its sentence. */
    extend: z.enum(['match', 'clause', 'sentence']),
    enabled: z.boolean(),
  })
  .strict();
export type PatternDefinition = z.infer<typeof PatternDefinitionSchema>;

export const PatternFileSchema = z
  .object({ version: z.literal(1), patterns: z.array(PatternDefinitionSchema).max(1_000) })
  .strict();

const FEATURES: Features = { lookbehind: true, namedGroups: true, unicodePropertyEscape: true };
const WORD = String.raw`[\p{L}\p{M}\p{N}]`;

/** A quantifier repeating more than this is treated as unbounded when nested. */
const LARGE_REPEAT = 10;

export interface CompiledPattern {
  definition: PatternDefinition;
  regex: RegExp;
}

/** Why a pattern cannot be used, in English and by catalogue key (the UI shows it in its language). */
export class PatternError extends Error {
  constructor(readonly ref: MessageRef) {
    super(englishMessage(ref.key, ref.params));
    this.name = 'PatternError';
  }
}

/**
 * Compiles a pattern, or throws a `PatternError` naming it and saying why: not valid syntax, an
 * unknown group, or nested quantifiers ("(a+)+", "(\p{L}+ ?)*"), which can take exponential time
 * on a near miss. JavaScript cannot interrupt a running match, so such patterns are refused up
 * front; the per-run time budget (below) bounds the rest.
 */
export function compilePattern(definition: PatternDefinition): CompiledPattern {
  const pattern = definition.id;
  let tree: AstNode<typeof FEATURES>;
  try {
    tree = parse(definition.regex, 'u', FEATURES);
  } catch (error) {
    throw new PatternError({ key: 'patternInvalidSyntax', params: { pattern, detail: firstLine(error) } });
  }
  const nested = findNestedQuantifier(tree, false);
  if (nested) {
    throw new PatternError({ key: 'patternNestedRepetition', params: { pattern, repetition: nested } });
  }
  if (definition.group && !definition.regex.includes(`(?<${definition.group}>`)) {
    throw new PatternError({ key: 'patternUnknownGroup', params: { pattern, group: definition.group } });
  }
  const flags = `dgu${definition.caseInsensitive ? 'i' : ''}`;
  // Syllable boundaries on both sides: "an" never matches inside "ban".
  const regex = new RegExp(`(?<!${WORD})(?:${definition.regex})(?!${WORD})`, flags);
  return { definition, regex };
}

/** The raw text of the first repetition nested inside another that could multiply its work. */
function findNestedQuantifier(node: AstNode<typeof FEATURES>, insideRepeat: boolean): string | null {
  if (node.type === 'quantifier') {
    const max = node.max ?? Infinity;
    if (insideRepeat && max > 1) return node.raw;
    // A bounded repetition of a repetition ("(?: x+){1,3}") is polynomial; only an unbounded or
    // large outer repetition makes an inner one dangerous.
    return findNestedQuantifier(node.body[0], insideRepeat || max > LARGE_REPEAT);
  }
  if ('body' in node && Array.isArray(node.body)) {
    for (const child of node.body as AstNode<typeof FEATURES>[]) {
      const found = findNestedQuantifier(child, insideRepeat);
      if (found) return found;
    }
  }
  return null;
}

const firstLine = (error: unknown): string => String(error instanceof Error ? error.message : error).split('\n')[0]!;

export interface PatternRun {
  suggestions: Suggestion[];
  /** Patterns stopped by the time budget before they had read the whole text. */
  stopped: string[];
}

/** Per pattern and text; a pattern over a 400k-character article takes a few milliseconds. */
export const PATTERN_BUDGET_MS = 250;
/** More matches than this in one text means the pattern is too loose to review. */
const MAX_MATCHES_PER_PATTERN = 20_000;

/**
 * Runs every pattern over canonical text, each within its time budget. Given an `ArticleText`,
 * the sentences (asked only by patterns that extend) come from its syllables, split once.
 */
export function runPatterns(
  article: string | ArticleText,
  patterns: readonly CompiledPattern[],
  now: () => number = Date.now,
): PatternRun {
  const prepared = typeof article === 'string' ? new ArticleText(article) : article;
  const { text } = prepared;
  const suggestions: Suggestion[] = [];
  const stopped: string[] = [];
  const sentenceEndAt = (offset: number): number => {
    const { sentences } = prepared;
    return sentences[sentenceIndexAt(sentences, offset)]?.end ?? text.length;
  };
  for (const { definition, regex } of patterns) {
    const started = now();
    let count = 0;
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const range = definition.group ? match.indices?.groups?.[definition.group] : match.indices?.[0];
      if (range) {
        const end =
          definition.extend === 'match'
            ? range[1]
            : definition.extend === 'sentence'
              ? Math.max(range[1], sentenceEndAt(range[0]))
              : clauseEnd(text, range[1], Math.max(range[1], sentenceEndAt(range[0])));
        const snapped = snapToSyllables(text, range[0], end, prepared.tokens);
        if (snapped) {
          suggestions.push({
            labelKey: definition.labelKey,
            start: snapped.start,
            end: snapped.end,
            quote: text.slice(snapped.start, snapped.end),
            source: 'pattern',
            rule: definition.id,
          });
        }
      }
      if (++count >= MAX_MATCHES_PER_PATTERN || now() - started > PATTERN_BUDGET_MS) {
        stopped.push(definition.id);
        break;
      }
    }
  }
  return { suggestions, stopped };
}

/** A clause ends at the first , ; : ! ? or line break after `from`, or a full stop before a space. */
const CLAUSE_END = /[,;:!?\n]|\.(?=\s|$)/gu;

function clauseEnd(text: string, from: number, sentenceEnd: number): number {
  CLAUSE_END.lastIndex = from;
  const found = CLAUSE_END.exec(text);
  return found && found.index < sentenceEnd ? found.index : sentenceEnd;
}

/** The sentence holding `offset` (binary search; sentences are sorted and disjoint). */
function sentenceIndexAt(sentences: readonly TextRange[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sentences[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
