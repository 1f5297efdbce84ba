/**
 * Fleiss' κ for m ≥ 2 coders who each give every item one nominal category (Fleiss 1971,
 * "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5): 378–382):
 *
 *   P_i = Σ_j n_ij (n_ij − 1) / (m (m − 1))      agreement on item i (agreeing ordered pairs)
 *   P̄  = (1/N) Σ_i P_i,   p_j = (1/(N m)) Σ_i n_ij,   P̄_e = Σ_j p_j²
 *   κ  = (P̄ − P̄_e) / (1 − P̄_e)
 *
 * where n_ij is how many coders put item i in category j. Chance agreement uses the pooled
 * distribution of all coders (for m = 2 this is Scott's π). Categories are small integers;
 * the tally only adds, so tallies of several articles merge into the corpus's.
 */
export class FleissKappa {
  private items = 0;
  /** Σ_i Σ_j n_ij (n_ij − 1). */
  private agreeingPairs = 0;
  /** Σ_i n_ij per category j. */
  private readonly totals = new Map<number, number>();

  constructor(readonly coders: number) {
    if (!Number.isInteger(coders) || coders < 2)
      throw new RangeError(`Fleiss' κ needs 2 or more coders, not ${coders}`);
  }

  /** One item: the category each coder gave (`codes.length` must be the number of coders). */
  addItem(codes: ArrayLike<number>): void {
    if (codes.length !== this.coders) throw new RangeError(`expected ${this.coders} codes, got ${codes.length}`);
    this.items++;
    for (let a = 0; a < codes.length; a++) {
      const code = codes[a] as number;
      this.totals.set(code, (this.totals.get(code) ?? 0) + 1);
      for (let b = a + 1; b < codes.length; b++) if (codes[b] === code) this.agreeingPairs += 2;
    }
  }

  /** One item given as how many coders chose each category (index = category). */
  addCounts(countsByCategory: readonly number[]): void {
    const sum = countsByCategory.reduce((total, count) => total + count, 0);
    if (sum !== this.coders) throw new RangeError(`an item's counts add up to ${sum}, not ${this.coders} coders`);
    this.items++;
    countsByCategory.forEach((count, code) => {
      if (count === 0) return;
      this.totals.set(code, (this.totals.get(code) ?? 0) + count);
      this.agreeingPairs += count * (count - 1);
    });
  }

  /** `times` items on which every coder chose `code`. */
  addUnanimous(code: number, times: number): void {
    if (times === 0) return;
    this.items += times;
    this.agreeingPairs += times * this.coders * (this.coders - 1);
    this.totals.set(code, (this.totals.get(code) ?? 0) + times * this.coders);
  }

  merge(other: FleissKappa): void {
    if (other.coders !== this.coders) throw new RangeError('cannot merge tallies of different numbers of coders');
    this.items += other.items;
    this.agreeingPairs += other.agreeingPairs;
    for (const [code, count] of other.totals) this.totals.set(code, (this.totals.get(code) ?? 0) + count);
  }

  get itemCount(): number {
    return this.items;
  }

  /** P̄; null without items. */
  observed(): number | null {
    return this.items === 0 ? null : this.agreeingPairs / (this.items * this.coders * (this.coders - 1));
  }

  /** P̄_e; null without items. */
  expected(): number | null {
    if (this.items === 0) return null;
    const ratings = this.items * this.coders;
    let sum = 0;
    for (const count of this.totals.values()) sum += (count / ratings) ** 2;
    return sum;
  }

  /** κ; null when undefined: no items, or every rating in one category (P̄_e = 1). */
  value(): number | null {
    const observed = this.observed();
    const expected = this.expected();
    if (observed === null || expected === null || expected >= 1) return null;
    return (observed - expected) / (1 - expected);
  }
}
