/**
 * Cohen's κ for two coders who each give every item one nominal category (Cohen 1960, "A
 * coefficient of agreement for nominal scales", Educational and Psychological Measurement
 * 20(1): 37–46):
 *
 *   κ = (p_o − p_e) / (1 − p_e),   p_o = agreed / N,   p_e = Σ_k (n_1k / N)·(n_2k / N)
 *
 * where n_ck is how many items coder c put in category k: chance agreement uses each coder's
 * own distribution. Categories are small integers; the tally only adds, so tallies of several
 * articles merge into the corpus's.
 */
export class CohenKappa {
  private items = 0;
  private agreed = 0;
  private readonly first = new Map<number, number>();
  private readonly second = new Map<number, number>();

  /** `times` items where the first coder said `a` and the second `b`. */
  add(a: number, b: number, times = 1): void {
    this.items += times;
    if (a === b) this.agreed += times;
    this.first.set(a, (this.first.get(a) ?? 0) + times);
    this.second.set(b, (this.second.get(b) ?? 0) + times);
  }

  merge(other: CohenKappa): void {
    this.items += other.items;
    this.agreed += other.agreed;
    for (const [code, count] of other.first) this.first.set(code, (this.first.get(code) ?? 0) + count);
    for (const [code, count] of other.second) this.second.set(code, (this.second.get(code) ?? 0) + count);
  }

  get itemCount(): number {
    return this.items;
  }

  /** p_o; null without items. */
  observed(): number | null {
    return this.items === 0 ? null : this.agreed / this.items;
  }

  /** p_e; null without items. */
  expected(): number | null {
    if (this.items === 0) return null;
    let sum = 0;
    for (const [code, count] of this.first) sum += count * (this.second.get(code) ?? 0);
    return sum / (this.items * this.items);
  }

  /** κ; null when undefined: no items, or both coders used one and the same category (p_e = 1). */
  value(): number | null {
    const observed = this.observed();
    const expected = this.expected();
    if (observed === null || expected === null || expected >= 1) return null;
    return (observed - expected) / (1 - expected);
  }
}
