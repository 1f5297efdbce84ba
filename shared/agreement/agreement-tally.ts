/**
 * Agreement between m ≥ 2 coders over articles tallied one at a time: each article's tally is
 * made, read for that article's row, and merged into the corpus's, so a corpus is never held in
 * memory. Per label and overall:
 * - span F1, exact and overlapping (span-f1.ts), the mean over coder pairs when m > 2;
 * - Cohen's κ (m = 2) and Fleiss' κ on syllable tokens tagged BIO (bio-codes.ts); a label's row
 *   tags that label alone (its B, I and O), the overall row all labels together;
 * - α_U on the code points (unitizing-alpha.ts), per label, and over all labels for the overall row.
 * Every token of every compared article is an item, so a label's κ counts the tokens of
 * articles without that label as agreed O, and its α_U their text as gaps.
 */
import type { AgreementFigures } from '../contract/agreement';
import { OffsetConverter } from '../text/offsets';
import { syllableTokens } from '../text/syllables';
import { bioCodes, OUTSIDE, placeOnTokens, type PlacedSpan } from './bio-codes';
import { CohenKappa } from './cohen-kappa';
import { FleissKappa } from './fleiss-kappa';
import { addCounts, f1, matchSpans, NO_MATCHES, type Extent, type MatchCounts } from './span-f1';
import { UnitizingTally, unitizingAlpha } from './unitizing-alpha';

/** One coder's span; offsets in UTF-16 units on the article's canonical text. */
export interface CoderSpan {
  labelKey: string;
  startU16: number;
  endU16: number;
}

export interface AgreementArticle {
  text: string;
  /** Index = coder. */
  spansByCoder: readonly (readonly CoderSpan[])[];
}

/** Label keys → the index k of their BIO codes; shared by every tally that merges together. */
export class LabelCodes {
  private readonly indices = new Map<string, number>();
  indexOf(labelKey: string): number {
    let index = this.indices.get(labelKey);
    if (index === undefined) {
      index = this.indices.size;
      this.indices.set(labelKey, index);
    }
    return index;
  }
}

/** κ tallies of one scope (a label, or all labels). */
class KappaTally {
  readonly cohen: CohenKappa | null;
  readonly fleiss: FleissKappa;
  constructor(coders: number) {
    this.cohen = coders === 2 ? new CohenKappa() : null;
    this.fleiss = new FleissKappa(coders);
  }

  /** Every token of one article: `codes[coder][token]`. */
  addTokens(codes: readonly Int32Array[], tokenCount: number): void {
    const column = new Int32Array(codes.length);
    let allOutside = 0;
    for (let token = 0; token < tokenCount; token++) {
      let outside = true;
      for (let coder = 0; coder < codes.length; coder++) {
        const code = (codes[coder] as Int32Array)[token] as number;
        column[coder] = code;
        if (code !== OUTSIDE) outside = false;
      }
      if (outside) {
        allOutside++;
        continue;
      }
      this.cohen?.add(column[0] as number, column[1] as number);
      this.fleiss.addItem(column);
    }
    this.addOutside(allOutside);
  }

  addOutside(tokens: number): void {
    this.cohen?.add(OUTSIDE, OUTSIDE, tokens);
    this.fleiss.addUnanimous(OUTSIDE, tokens);
  }

  merge(other: KappaTally): void {
    if (other.cohen) this.cohen?.merge(other.cohen);
    this.fleiss.merge(other.fleiss);
  }
}

class LabelTally {
  readonly kappa: KappaTally;
  readonly unitizing: UnitizingTally;
  /** Per coder pair (i < j, in order): matched counts. */
  readonly pairs: MatchCounts[];
  readonly spans: number[];
  /** Code-point lengths of the articles where some coder used this label → how many. */
  readonly articleLengths = new Map<number, number>();

  constructor(readonly coders: number) {
    this.kappa = new KappaTally(coders);
    this.unitizing = new UnitizingTally(coders);
    this.pairs = Array.from({ length: (coders * (coders - 1)) / 2 }, () => ({ ...NO_MATCHES }));
    this.spans = new Array<number>(coders).fill(0);
  }

  merge(other: LabelTally): void {
    this.kappa.merge(other.kappa);
    this.unitizing.merge(other.unitizing);
    other.pairs.forEach((counts, index) => addCounts(this.pairs[index] as MatchCounts, counts));
    other.spans.forEach((count, coder) => (this.spans[coder] = (this.spans[coder] as number) + count));
    for (const [length, count] of other.articleLengths) bump(this.articleLengths, length, count);
  }
}

export class AgreementTally {
  tokens = 0;
  codePoints = 0;
  /** Code-point lengths of every tallied article → how many. */
  private readonly articleLengths = new Map<number, number>();
  private readonly overall: KappaTally;
  private readonly labels = new Map<string, LabelTally>();

  constructor(
    readonly coders: number,
    private readonly codes: LabelCodes,
  ) {
    if (!Number.isInteger(coders) || coders < 2)
      throw new RangeError(`agreement needs 2 or more coders, not ${coders}`);
    this.overall = new KappaTally(coders);
  }

  addArticle(article: AgreementArticle): void {
    const { text, spansByCoder } = article;
    if (spansByCoder.length !== this.coders) throw new RangeError(`expected the spans of ${this.coders} coders`);
    const tokens = syllableTokens(text);
    const offsets = new OffsetConverter(text);
    const lengthCp = offsets.lengthCodePoints;
    this.tokens += tokens.length;
    this.codePoints += lengthCp;
    bump(this.articleLengths, lengthCp);

    const placed: LabelledSpan[][] = spansByCoder.map((spans) =>
      spans.map((span) => {
        const onTokens = placeOnTokens(tokens, span.startU16, span.endU16) as LabelledSpan;
        onTokens.labelIndex = this.codes.indexOf(span.labelKey);
        return onTokens;
      }),
    );
    this.overall.addTokens(
      placed.map((spans) => bioCodes(tokens.length, spans, (span) => span.labelIndex)),
      tokens.length,
    );

    for (const [labelKey, byCoder] of groupByLabel(spansByCoder, placed)) {
      const tally = this.labelTally(labelKey);
      bump(tally.articleLengths, lengthCp);
      byCoder.forEach((spans, coder) => (tally.spans[coder] = (tally.spans[coder] as number) + spans.length));
      tally.kappa.addTokens(
        byCoder.map((spans) => bioCodes(tokens.length, spans, () => 0)),
        tokens.length,
      );
      const extentsU16 = byCoder.map((spans) => spans.map((span) => ({ start: span.startU16, end: span.endU16 })));
      let pair = 0;
      for (let i = 0; i < this.coders; i++) {
        for (let j = i + 1; j < this.coders; j++) {
          addCounts(
            tally.pairs[pair++] as MatchCounts,
            matchSpans(extentsU16[i] as Extent[], extentsU16[j] as Extent[]),
          );
        }
      }
      const extentsCp = offsets.hasAstral
        ? extentsU16.map((extents) =>
            extents.map((extent) => ({
              start: offsets.u16ToCodePoint(extent.start),
              end: offsets.u16ToCodePoint(extent.end),
            })),
          )
        : extentsU16;
      tally.unitizing.addArticle(lengthCp, extentsCp);
    }
  }

  merge(other: AgreementTally): void {
    this.tokens += other.tokens;
    this.codePoints += other.codePoints;
    for (const [length, count] of other.articleLengths) bump(this.articleLengths, length, count);
    this.overall.merge(other.overall);
    for (const [labelKey, tally] of other.labels) this.labelTally(labelKey).merge(tally);
  }

  /** The overall row and one row per label (in the order first met), each measure null when undefined. */
  figures(): { overall: AgreementFigures; labels: (AgreementFigures & { labelKey: string })[] } {
    const labels = [...this.labels].map(([labelKey, tally]) => {
      const kappa = new KappaTally(this.coders);
      kappa.merge(tally.kappa);
      kappa.addOutside(this.tokens - kappa.fleiss.itemCount);
      const alphaU = unitizingAlpha([this.filledUnitizing(tally)], this.codePoints);
      return { labelKey, ...this.rowOf(tally.spans, tally.pairs, kappa, alphaU) };
    });
    return { overall: this.overallFigures(), labels };
  }

  /** The overall row alone (an article's row needs no label rows). */
  overallFigures(): AgreementFigures {
    const pairs = Array.from({ length: (this.coders * (this.coders - 1)) / 2 }, () => ({ ...NO_MATCHES }));
    const spans = new Array<number>(this.coders).fill(0);
    const unitizing: UnitizingTally[] = [];
    for (const tally of this.labels.values()) {
      tally.pairs.forEach((counts, index) => addCounts(pairs[index] as MatchCounts, counts));
      tally.spans.forEach((count, coder) => (spans[coder] = (spans[coder] as number) + count));
      unitizing.push(this.filledUnitizing(tally));
    }
    return this.rowOf(spans, pairs, this.overall, unitizingAlpha(unitizing, this.codePoints));
  }

  private rowOf(spans: number[], pairs: MatchCounts[], kappa: KappaTally, alphaU: number | null): AgreementFigures {
    return {
      spans: [...spans],
      f1Exact: meanOf(pairs.map((counts) => f1(counts.exact, counts))),
      f1Overlap: meanOf(pairs.map((counts) => f1(counts.overlap, counts))),
      cohenKappa: kappa.cohen?.value() ?? null,
      fleissKappa: kappa.fleiss.value(),
      alphaU,
    };
  }

  /** The label's α_U tally plus one gap per coder for each article where nobody used the label. */
  private filledUnitizing(tally: LabelTally): UnitizingTally {
    const missing = [...this.articleLengths]
      .map(([length, count]): [number, number] => [length, count - (tally.articleLengths.get(length) ?? 0)])
      .filter(([, count]) => count > 0);
    if (missing.length === 0) return tally.unitizing;
    const filled = new UnitizingTally(this.coders);
    filled.merge(tally.unitizing);
    for (const [length, count] of missing) filled.addEmptyArticles(length, count);
    return filled;
  }

  private labelTally(labelKey: string): LabelTally {
    let tally = this.labels.get(labelKey);
    if (!tally) {
      tally = new LabelTally(this.coders);
      this.labels.set(labelKey, tally);
    }
    return tally;
  }
}

interface LabelledSpan extends PlacedSpan {
  labelIndex: number;
}

/** label → placed spans per coder, for the labels some coder used. */
function groupByLabel(
  spansByCoder: readonly (readonly CoderSpan[])[],
  placed: readonly (readonly LabelledSpan[])[],
): Map<string, LabelledSpan[][]> {
  const byLabel = new Map<string, LabelledSpan[][]>();
  spansByCoder.forEach((spans, coder) => {
    spans.forEach((span, index) => {
      let byCoder = byLabel.get(span.labelKey);
      if (!byCoder) {
        byCoder = spansByCoder.map(() => []);
        byLabel.set(span.labelKey, byCoder);
      }
      (byCoder[coder] as LabelledSpan[]).push((placed[coder] as LabelledSpan[])[index] as LabelledSpan);
    });
  });
  return byLabel;
}

/** Mean of the defined values; null when none is. */
function meanOf(values: readonly (number | null)[]): number | null {
  const defined = values.filter((value): value is number => value !== null);
  return defined.length === 0 ? null : defined.reduce((sum, value) => sum + value, 0) / defined.length;
}

function bump(histogram: Map<number, number>, length: number, times = 1): void {
  histogram.set(length, (histogram.get(length) ?? 0) + times);
}
