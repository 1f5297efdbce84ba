/**
 * Each agreement measure against a published worked example; the source is cited at each test.
 */
import { describe, expect, it } from 'vitest';
import { CohenKappa } from '../../../shared/agreement/cohen-kappa';
import { FleissKappa } from '../../../shared/agreement/fleiss-kappa';
import { UnitizingTally, unitizingAlpha } from '../../../shared/agreement/unitizing-alpha';

describe("Cohen's κ", () => {
  // Wikipedia, "Cohen's kappa", section "Simple example": 50 grant proposals read by A and B;
  // both yes 20, A yes / B no 5, A no / B yes 10, both no 15 → p_o = 0.7, p_e = 0.5, κ = 0.4.
  it('matches the grant-proposal example (p_o 0.7, p_e 0.5, κ 0.4)', () => {
    const kappa = new CohenKappa();
    const [yes, no] = [1, 0];
    kappa.add(yes, yes, 20);
    kappa.add(yes, no, 5);
    kappa.add(no, yes, 10);
    kappa.add(no, no, 15);
    expect(kappa.observed()).toBeCloseTo(0.7, 10);
    expect(kappa.expected()).toBeCloseTo(0.5, 10);
    expect(kappa.value()).toBeCloseTo(0.4, 10);
  });

  // Krippendorff 1995, "On the reliability of unitizing continuous data", p. 57: coders Bertha
  // and Bill's unitizing of 24 positions, digitized; κ = .385 (the figure DKPro Statistics'
  // Krippendorff1995Test asserts for the same data).
  it('matches Krippendorff (1995) digitized example A (κ .385)', () => {
    const bertha = '001111111100001111110000';
    const bill = '000011110000000110000000';
    const kappa = new CohenKappa();
    for (let index = 0; index < bertha.length; index++) kappa.add(Number(bertha[index]), Number(bill[index]));
    expect(kappa.value()).toBeCloseTo(0.385, 3);
  });

  it('is undefined (null) when both coders used one and the same category', () => {
    const kappa = new CohenKappa();
    kappa.add(0, 0, 24);
    expect(kappa.value()).toBeNull();
    expect(new CohenKappa().value()).toBeNull();
  });
});

describe("Fleiss' κ", () => {
  // Wikipedia, "Fleiss' kappa", section "Worked example": 14 raters put 10 subjects into 5
  // categories; P̄ = 0.378, P̄_e = 0.213, κ = 0.210.
  const WIKIPEDIA_TABLE = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];

  it('matches the worked example (P̄ 0.378, P̄_e 0.213, κ 0.210)', () => {
    const kappa = new FleissKappa(14);
    for (const row of WIKIPEDIA_TABLE) kappa.addCounts(row);
    expect(kappa.observed()).toBeCloseTo(0.378, 3);
    expect(kappa.expected()).toBeCloseTo(0.213, 3);
    expect(kappa.value()).toBeCloseTo(0.21, 3);
  });

  it('gives the same κ from per-coder codes as from counts, and unanimous items in bulk', () => {
    const fromCounts = new FleissKappa(3);
    const fromCodes = new FleissKappa(3);
    fromCounts.addCounts([3, 0]);
    fromCounts.addCounts([3, 0]);
    fromCounts.addCounts([1, 2]);
    fromCounts.addCounts([0, 3]);
    fromCodes.addUnanimous(0, 2);
    fromCodes.addItem([1, 0, 1]);
    fromCodes.addItem([1, 1, 1]);
    expect(fromCodes.value()).toBeCloseTo(fromCounts.value() as number, 12);
  });

  it('refuses an item whose counts do not add up to the coders', () => {
    expect(() => new FleissKappa(3).addCounts([1, 1])).toThrow(/add up to 2, not 3 coders/);
  });
});

describe("Krippendorff's α_U", () => {
  /** Adds units given as [begin, length] per coder, offset to start the continuum at 0. */
  function tally(lengthCp: number, begin: number, unitsByCoder: [number, number][][]): UnitizingTally {
    const result = new UnitizingTally(unitsByCoder.length);
    result.addArticle(
      lengthCp,
      unitsByCoder.map((units) =>
        units.map(([start, length]) => ({ start: start - begin, end: start - begin + length })),
      ),
    );
    return result;
  }

  // Krippendorff 2004, Content Analysis (2nd ed.), p. 254: two observers unitize the stretch
  // 150–450 (L = 300) with categories c and k. Published: D_o,c = .0144, D_e,c = .0532,
  // α_c = .7286; α_k = 1; α_U over both categories = .8591.
  it('matches the worked example of Krippendorff (2004, p. 254)', () => {
    const c = tally(300, 150, [
      [
        [225, 70],
        [370, 30],
      ],
      [
        [220, 80],
        [355, 20],
        [400, 20],
      ],
    ]);
    const k = tally(300, 150, [
      [
        [180, 60],
        [300, 50],
      ],
      [
        [180, 60],
        [300, 50],
      ],
    ]);
    expect(c.observed(300)).toBeCloseTo(0.0144, 4);
    expect(c.expected(300)).toBeCloseTo(0.0532, 4);
    expect(unitizingAlpha([c], 300)).toBeCloseTo(0.7286, 4);
    expect(k.observed(300)).toBe(0);
    expect(k.expected(300)).toBeCloseTo(0.049, 4);
    expect(unitizingAlpha([k], 300)).toBe(1);
    expect(unitizingAlpha([c, k], 300)).toBeCloseTo(0.8591, 3);
  });

  // Krippendorff 1995, p. 57: four pairs of coders unitize 24 positions (categories A–D, one pair
  // each). Published D_o: A .03125, B 2.26736, C .02777, D .38715. The paper's α values (A .553,
  // B −.926, C .679, D .066) are those of a continuum so finely divided that the positions are
  // continuous, so they are checked on the example stretched by 50,000, within .02 as DKPro
  // Statistics does (Krippendorff 2004 notes a slip in the 1995 D_e, which the stretched values avoid).
  const EXAMPLE_1995: Record<string, [number, number][][]> = {
    A: [
      [
        [2, 8],
        [14, 6],
      ],
      [
        [4, 4],
        [15, 2],
      ],
    ],
    B: [
      [[0, 18]],
      [
        [0, 2],
        [2, 1],
        [3, 1],
        [4, 1],
        [5, 1],
        [6, 3],
        [9, 1],
      ],
    ],
    C: [
      [
        [2, 6],
        [10, 2],
        [14, 4],
        [20, 2],
      ],
      [
        [0, 2],
        [4, 4],
        [10, 4],
        [16, 2],
        [20, 2],
      ],
    ],
    D: [
      [
        [0, 2],
        [2, 8],
        [10, 4],
        [14, 6],
        [20, 4],
      ],
      [
        [0, 4],
        [4, 4],
        [8, 7],
        [15, 2],
        [17, 7],
      ],
    ],
  };
  const stretched = (units: [number, number][][], by: number) =>
    units.map((coder) => coder.map(([start, length]): [number, number] => [start * by, length * by]));

  it.each([
    ['A', 0.03125, 0.553],
    ['B', 2.26736, -0.926],
    ['C', 0.02777, 0.679],
    ['D', 0.38715, 0.066],
  ])('matches Krippendorff (1995, p. 57) for category %s', (category, observed, alpha) => {
    const units = EXAMPLE_1995[category] as [number, number][][];
    expect(tally(24, 0, units).observed(24)).toBeCloseTo(observed, 4);
    const by = 50_000;
    expect(
      Math.abs((unitizingAlpha([tally(24 * by, 0, stretched(units, by))], 24 * by) as number) - alpha),
    ).toBeLessThan(0.02);
  });

  it('merges a coder’s overlapping units, and is null when nobody marked a unit', () => {
    const overlapping = new UnitizingTally(2);
    overlapping.addArticle(20, [
      [
        { start: 2, end: 8 },
        { start: 5, end: 10 },
      ],
      [{ start: 2, end: 10 }],
    ]);
    expect(unitizingAlpha([overlapping], 20)).toBe(1);
    const empty = new UnitizingTally(2);
    empty.addArticle(20, [[], []]);
    expect(unitizingAlpha([empty], 20)).toBeNull();
  });
});
