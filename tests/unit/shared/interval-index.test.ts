import { describe, expect, it } from 'vitest';
import { IntervalIndex, type IndexedSpan } from '../../../shared/domain/interval-index';

interface Span extends IndexedSpan {
  label: string;
}

const span = (id: number, start: number, end: number, label = 'PER'): Span => ({ id, start, end, label });
const ids = (spans: readonly IndexedSpan[]): number[] => spans.map((item) => item.id);

/** Deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The brute-force answers the index must reproduce. */
const oracle = {
  all: (spans: readonly Span[]) => spans.slice().sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id),
  covering: (spans: readonly Span[], offset: number) =>
    spans
      .filter((item) => item.start <= offset && offset < item.end)
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.id - b.id),
  intersecting: (spans: readonly Span[], start: number, end: number) =>
    oracle.all(spans).filter((item) => start < end && item.start < end && item.end > start),
  innermostAt: (spans: readonly Span[], offset: number) => {
    let best: Span | undefined;
    for (const item of spans) {
      if (!(item.start <= offset && offset < item.end)) continue;
      const length = item.end - item.start;
      const bestLength = best === undefined ? Infinity : best.end - best.start;
      if (
        best === undefined ||
        length < bestLength ||
        (length === bestLength && (item.start > best.start || (item.start === best.start && item.id > best.id)))
      ) {
        best = item;
      }
    }
    return best;
  },
};

describe('IntervalIndex edge cases', () => {
  it('answers nothing when empty', () => {
    const index = new IntervalIndex<Span>();
    expect(index.size).toBe(0);
    expect(index.all()).toEqual([]);
    expect(index.covering(0)).toEqual([]);
    expect(index.intersecting(0, 100)).toEqual([]);
    expect(index.innermostAt(5)).toBeUndefined();
    expect(index.get(1)).toBeUndefined();
  });

  it('treats ranges as half-open at their boundaries', () => {
    const index = new IntervalIndex([span(1, 10, 20)]);
    expect(ids(index.covering(9))).toEqual([]);
    expect(ids(index.covering(10))).toEqual([1]);
    expect(ids(index.covering(19))).toEqual([1]);
    expect(ids(index.covering(20))).toEqual([]);
    expect(ids(index.intersecting(0, 10))).toEqual([]);
    expect(ids(index.intersecting(0, 11))).toEqual([1]);
    expect(ids(index.intersecting(19, 30))).toEqual([1]);
    expect(ids(index.intersecting(20, 30))).toEqual([]);
  });

  it('returns nothing for an empty query range, even inside a span', () => {
    const index = new IntervalIndex([span(1, 10, 20)]);
    expect(index.intersecting(15, 15)).toEqual([]);
    expect(index.intersecting(10, 10)).toEqual([]);
  });

  it('orders nested spans outermost → innermost and picks the innermost', () => {
    // "Hội Liên hiệp Phụ nữ Việt Nam" (ORG) containing "Việt Nam" (LOC) containing "Nam".
    const index = new IntervalIndex([span(3, 25, 28, 'X'), span(1, 0, 28, 'ORG'), span(2, 20, 28, 'LOC')]);
    expect(ids(index.covering(26))).toEqual([1, 2, 3]);
    expect(ids(index.covering(21))).toEqual([1, 2]);
    expect(index.innermostAt(26)?.id).toBe(3);
    expect(index.innermostAt(5)?.id).toBe(1);
    expect(ids(index.all())).toEqual([1, 2, 3]);
  });

  it('breaks ties between identical ranges by id, the higher id innermost', () => {
    const index = new IntervalIndex([span(7, 5, 9), span(2, 5, 9), span(4, 5, 9)]);
    expect(ids(index.all())).toEqual([2, 4, 7]);
    expect(ids(index.covering(5))).toEqual([2, 4, 7]);
    expect(index.innermostAt(8)?.id).toBe(7);
  });

  it('prefers the later start between overlapping spans of equal length', () => {
    const index = new IntervalIndex([span(1, 0, 10), span(2, 5, 15)]);
    expect(ids(index.covering(7))).toEqual([1, 2]);
    expect(index.innermostAt(7)?.id).toBe(2);
  });

  it('orders overlapping spans by length, not by start, in covering()', () => {
    const index = new IntervalIndex([span(1, 0, 5), span(2, 2, 20)]);
    expect(ids(index.covering(3))).toEqual([2, 1]);
    expect(index.innermostAt(3)?.id).toBe(1);
    expect(ids(index.intersecting(0, 30))).toEqual([1, 2]);
  });

  it('lists all() in text order: start asc, end desc, id asc', () => {
    const index = new IntervalIndex([span(5, 3, 4), span(1, 0, 2), span(4, 3, 9), span(2, 0, 8), span(3, 3, 9)]);
    expect(ids(index.all())).toEqual([2, 1, 3, 4, 5]);
  });

  it('returns copies, so callers cannot corrupt the index', () => {
    const index = new IntervalIndex([span(1, 0, 5)]);
    index.all().pop();
    index.covering(1).pop();
    expect(index.size).toBe(1);
    expect(ids(index.covering(1))).toEqual([1]);
  });

  it('adds, removes and updates spans', () => {
    const index = new IntervalIndex([span(1, 0, 10)]);
    index.add(span(2, 4, 6));
    expect(index.innermostAt(5)?.id).toBe(2);
    index.update(span(2, 20, 30, 'LOC'));
    expect(ids(index.covering(5))).toEqual([1]);
    expect(index.covering(25)).toEqual([span(2, 20, 30, 'LOC')]);
    expect(index.remove(1)).toBe(true);
    expect(index.remove(1)).toBe(false);
    expect(ids(index.all())).toEqual([2]);
    expect(index.get(1)).toBeUndefined();
    expect(index.get(2)).toEqual(span(2, 20, 30, 'LOC'));
    index.add(span(1, 0, 10));
    expect(ids(index.intersecting(0, 100))).toEqual([1, 2]);
  });

  it('removes a span even if the caller changed it in place', () => {
    const changedInPlace = span(1, 0, 10);
    const index = new IntervalIndex([changedInPlace, span(2, 5, 8)]);
    changedInPlace.start = 50;
    expect(index.remove(1)).toBe(true);
    expect(ids(index.all())).toEqual([2]);
  });

  it('rejects duplicate ids, empty or invalid ranges and unknown updates', () => {
    expect(() => new IntervalIndex([span(1, 0, 5), span(1, 6, 9)])).toThrow(/already indexed/);
    const index = new IntervalIndex([span(1, 0, 5)]);
    expect(() => index.add(span(1, 7, 9))).toThrow(/already indexed/);
    expect(() => index.add(span(2, 5, 5))).toThrow(RangeError);
    expect(() => index.add(span(2, 6, 5))).toThrow(RangeError);
    expect(() => index.add(span(2, NaN, 5))).toThrow(RangeError);
    expect(() => index.update(span(9, 0, 1))).toThrow(/no span with id 9/);
    expect(() => index.update(span(1, 3, 3))).toThrow(RangeError);
    expect(ids(index.all())).toEqual([1]); // the rejected update left the old span in place
    expect(() => index.covering(NaN)).toThrow(RangeError);
    expect(() => index.intersecting(5, 4)).toThrow(RangeError);
  });
});

describe('IntervalIndex against a brute-force oracle', () => {
  function randomSpan(random: () => number, id: number, textLength: number): Span {
    const start = Math.floor(random() * textLength);
    // Mostly entity-sized spans, some paragraph-sized ones to exercise deep nesting.
    const maxLength = random() < 0.9 ? 30 : 2000;
    const end = Math.min(textLength, start + 1 + Math.floor(random() * maxLength));
    return span(id, Math.min(start, end - 1), end);
  }

  function expectSameAnswers(
    index: IntervalIndex<Span>,
    spans: readonly Span[],
    random: () => number,
    textLength: number,
  ) {
    expect(index.all()).toEqual(oracle.all(spans));
    // Every boundary is an interesting offset; add random ones and the text's edges.
    const offsets = [0, textLength, ...spans.flatMap((item) => [item.start, item.end, item.end - 1])];
    for (let i = 0; i < 50; i++) offsets.push(Math.floor(random() * (textLength + 1)));
    for (const offset of offsets) {
      expect(index.covering(offset)).toEqual(oracle.covering(spans, offset));
      expect(index.innermostAt(offset)).toEqual(oracle.innermostAt(spans, offset));
    }
    for (let i = 0; i < 50; i++) {
      const a = Math.floor(random() * (textLength + 1));
      const b = random() < 0.2 ? a : Math.floor(random() * (textLength + 1));
      const [start, end] = a <= b ? [a, b] : [b, a];
      expect(index.intersecting(start, end)).toEqual(oracle.intersecting(spans, start, end));
    }
  }

  for (const seed of [1, 2, 3, 42, 2024]) {
    it(`matches the oracle through random adds, removes and updates (seed ${seed})`, () => {
      const random = seededRandom(seed);
      // A short text crowds spans together: many identical ranges, shared boundaries and nesting.
      const textLength = seed % 2 === 0 ? 60 : 5000;
      let nextId = 1;
      let spans = Array.from({ length: 150 }, () => randomSpan(random, nextId++, textLength));
      // Duplicate some ranges under new ids.
      spans.push(...spans.slice(0, 20).map((item) => span(nextId++, item.start, item.end)));
      const index = new IntervalIndex(spans);
      expectSameAnswers(index, spans, random, textLength);

      for (let round = 0; round < 30; round++) {
        const operation = random();
        const victim = spans[Math.floor(random() * spans.length)];
        if (operation < 0.4 || victim === undefined) {
          const added = randomSpan(random, nextId++, textLength);
          index.add(added);
          spans.push(added);
        } else if (operation < 0.7) {
          expect(index.remove(victim.id)).toBe(true);
          spans = spans.filter((item) => item.id !== victim.id);
        } else {
          const moved = { ...randomSpan(random, victim.id, textLength), label: 'LOC' };
          index.update(moved);
          spans = spans.map((item) => (item.id === victim.id ? moved : item));
        }
        expect(index.size).toBe(spans.length);
        expect(index.get(victim?.id ?? -1)).toEqual(spans.find((item) => item.id === victim?.id));
        if (round % 5 === 4) expectSameAnswers(index, spans, random, textLength);
      }
      expectSameAnswers(index, spans, random, textLength);
    });
  }

  it('matches the oracle at article scale: 10,000 spans over 400,000 characters', () => {
    const random = seededRandom(7);
    const textLength = 400_000;
    const spans = Array.from({ length: 10_000 }, (_, i) => randomSpan(random, i + 1, textLength));
    const index = new IntervalIndex(spans);
    expect(index.all()).toEqual(oracle.all(spans));
    for (let i = 0; i < 200; i++) {
      const offset = Math.floor(random() * textLength);
      expect(index.covering(offset)).toEqual(oracle.covering(spans, offset));
      const end = offset + Math.floor(random() * 5000);
      expect(index.intersecting(offset, end)).toEqual(oracle.intersecting(spans, offset, end));
    }
  });
});
