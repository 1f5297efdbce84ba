/**
 * Krippendorff's α for unitizing, α_U, on a continuum (here: the articles' characters, counted
 * in code points). Krippendorff 1995, "On the reliability of unitizing continuous data",
 * Sociological Methodology 25: 47–76; the form used here is the corrected one of Krippendorff
 * 2004, Content Analysis: An Introduction to Its Methodology (2nd ed., Sage; worked example on
 * p. 254; kept in the 3rd ed., 2013), as DKPro Statistics (Meyer et al. 2014, "DKPro Agreement",
 * COLING) and INCEpTION implement it.
 *
 * For one category c, each of the m coders cuts the continuum of length L into sections: the
 * units they gave category c, and the gaps between them (everything else). For sections g of
 * coder i and h of coder j (begin b, length l, end e = b + l), the squared distance is
 *
 *   δ²(g, h) = (b_g − b_h)² + (e_g − e_h)²   both units, and they overlap
 *            = l_g²                           g a unit lying wholly inside the gap h
 *            = l_h²                           h a unit lying wholly inside the gap g
 *            = 0                              otherwise
 *
 *   D_o,c = Σ_{i≠j} Σ_g Σ_h δ²(g, h) / (m (m − 1) L²)
 *
 *   D_e,c = (2/L) Σ_u [ (N_c − 1)(2l_u³ − 3l_u² + l_u)/3 + l_u² Σ_{gaps k: l_k ≥ l_u} (l_k − l_u + 1) ]
 *           / [ mL (mL − 1) − Σ_u l_u (l_u − 1) ]
 *
 * with u over the N_c units of category c by all coders and k over all coders' gaps of c: the
 * disagreement expected when every unit is placed anywhere it fits.
 *
 *   α_U,c = 1 − D_o,c / D_e,c,      α_U = 1 − Σ_c D_o,c / Σ_c D_e,c   (all categories)
 *
 * Several articles form one continuum, laid end to end, except that gaps end at an article's
 * edges: a unit cannot cross from one article into the next, so chance does not place it there.
 * A coder's overlapping units of one category are merged (the measure needs a partition).
 * Everything is kept as sums and histograms of lengths, so articles are tallied one at a time.
 */
import type { Extent } from './span-f1';

/** One article's (or many articles') tally for one category. */
export class UnitizingTally {
  /** Σ over ordered coder pairs of Σ δ². */
  private distanceSum = 0;
  /** Unit lengths (all coders) → how many. */
  readonly unitLengths = new Map<number, number>();
  /** Gap lengths (all coders) → how many. */
  readonly gapLengths = new Map<number, number>();

  constructor(readonly coders: number) {}

  /**
   * Adds one article of `lengthCp` code points: each coder's units of this category (code-point
   * extents inside `[0, lengthCp)`, in any order, possibly overlapping).
   */
  addArticle(lengthCp: number, unitsByCoder: readonly (readonly Extent[])[]): void {
    if (unitsByCoder.length !== this.coders) throw new RangeError(`expected ${this.coders} coders' units`);
    const sections = unitsByCoder.map((units) => partition(lengthCp, units));
    for (const coder of sections) {
      for (const section of coder) bump(section.unit ? this.unitLengths : this.gapLengths, section.end - section.start);
    }
    for (let i = 0; i < sections.length; i++) {
      for (let j = i + 1; j < sections.length; j++) {
        this.distanceSum += 2 * pairDistance(sections[i] as Section[], sections[j] as Section[]);
      }
    }
  }

  /** A stretch of `lengthCp` where no coder marked this category: one gap per coder. */
  addEmptyArticles(lengthCp: number, articles: number): void {
    if (lengthCp > 0 && articles > 0) bump(this.gapLengths, lengthCp, articles * this.coders);
  }

  merge(other: UnitizingTally): void {
    this.distanceSum += other.distanceSum;
    for (const [length, count] of other.unitLengths) bump(this.unitLengths, length, count);
    for (const [length, count] of other.gapLengths) bump(this.gapLengths, length, count);
  }

  /** D_o,c over a continuum of `continuumCp` code points. */
  observed(continuumCp: number): number {
    const m = this.coders;
    return continuumCp === 0 ? 0 : this.distanceSum / (m * (m - 1) * continuumCp * continuumCp);
  }

  /** D_e,c over a continuum of `continuumCp` code points; 0 when no coder marked a unit. */
  expected(continuumCp: number): number {
    const m = this.coders;
    const L = continuumCp;
    let unitCount = 0;
    let pairsWithin = 0;
    for (const [length, count] of this.unitLengths) {
      unitCount += count;
      pairsWithin += count * length * (length - 1);
    }
    if (unitCount === 0 || L === 0) return 0;
    const fits = gapFits(this.gapLengths);
    let sum = 0;
    for (const [length, count] of this.unitLengths) {
      const l = length;
      sum += count * (((unitCount - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fits(l));
    }
    return ((2 / L) * sum) / (m * L * (m * L - 1) - pairsWithin);
  }
}

/** α_U over one or more categories' tallies on one continuum; null when no unit was marked. */
export function unitizingAlpha(tallies: readonly UnitizingTally[], continuumCp: number): number | null {
  let observed = 0;
  let expected = 0;
  for (const tally of tallies) {
    observed += tally.observed(continuumCp);
    expected += tally.expected(continuumCp);
  }
  return expected === 0 ? null : 1 - observed / expected;
}

interface Section {
  start: number;
  end: number;
  unit: boolean;
}

/** A coder's units (merged where they overlap) and the gaps between them, tiling `[0, length)`. */
function partition(length: number, units: readonly Extent[]): Section[] {
  const sorted = [...units].sort((a, b) => a.start - b.start || a.end - b.end);
  const sections: Section[] = [];
  let position = 0;
  for (const unit of sorted) {
    if (unit.start < 0 || unit.end > length || unit.start >= unit.end) {
      throw new RangeError(`unit [${unit.start}, ${unit.end}) is outside the continuum [0, ${length})`);
    }
    const last = sections[sections.length - 1];
    if (last?.unit && unit.start < last.end) {
      last.end = Math.max(last.end, unit.end);
    } else {
      if (unit.start > position) sections.push({ start: position, end: unit.start, unit: false });
      sections.push({ start: unit.start, end: unit.end, unit: true });
    }
    position = Math.max(position, unit.end);
  }
  if (position < length) sections.push({ start: position, end: length, unit: false });
  return sections;
}

/** Σ δ² over every pair of overlapping sections of two coders (each pair once). */
function pairDistance(first: readonly Section[], second: readonly Section[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    const g = first[i] as Section;
    const h = second[j] as Section;
    sum += distance(g, h);
    if (g.end <= h.end) i++;
    else j++;
  }
  return sum;
}

function distance(g: Section, h: Section): number {
  if (g.unit && h.unit) {
    return g.start < h.end && h.start < g.end ? (g.start - h.start) ** 2 + (g.end - h.end) ** 2 : 0;
  }
  if (g.unit && !h.unit) return h.start <= g.start && g.end <= h.end ? (g.end - g.start) ** 2 : 0;
  if (!g.unit && h.unit) return g.start <= h.start && h.end <= g.end ? (h.end - h.start) ** 2 : 0;
  return 0;
}

/** For a unit length l: Σ over gaps k with l_k ≥ l of (l_k − l + 1), from sorted prefix sums. */
function gapFits(gapLengths: ReadonlyMap<number, number>): (length: number) => number {
  const lengths = [...gapLengths.keys()].sort((a, b) => a - b);
  // Suffix sums from the longest gap down: how many gaps, and their total length.
  const countFrom = new Float64Array(lengths.length + 1);
  const totalFrom = new Float64Array(lengths.length + 1);
  for (let index = lengths.length - 1; index >= 0; index--) {
    const length = lengths[index] as number;
    const count = gapLengths.get(length) as number;
    countFrom[index] = (countFrom[index + 1] as number) + count;
    totalFrom[index] = (totalFrom[index + 1] as number) + count * length;
  }
  return (length) => {
    let lo = 0;
    let hi = lengths.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((lengths[mid] as number) < length) lo = mid + 1;
      else hi = mid;
    }
    return (totalFrom[lo] as number) - (length - 1) * (countFrom[lo] as number);
  };
}

function bump(histogram: Map<number, number>, length: number, times = 1): void {
  histogram.set(length, (histogram.get(length) ?? 0) + times);
}
