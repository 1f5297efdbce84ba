/**
 * The library's date filter checks a typed date without zod (issue 13: no schema in the start
 * bundle) with the pattern `PartialDateSchema` is built on: both must agree on every input, and
 * the filter the view sends (a start, an end or both, each a partial date) must parse.
 */
import { describe, expect, it } from 'vitest';
import { LibraryFilterSchema, PartialDateSchema } from '../../../shared/corpus/library-query';
import { isPartialDate } from '../../../shared/corpus/partial-date';

const INPUTS = [
  '2023',
  '2023-06',
  '2023-06-30',
  '2023-02-31',
  '2023-13',
  '2023-00',
  '2023-6',
  '23',
  '2023-06-30T10:00',
  '',
  ' 2023',
  'năm 2023',
];

describe('partial dates without zod', () => {
  it('agrees with PartialDateSchema', () => {
    for (const input of INPUTS) expect(isPartialDate(input), input).toBe(PartialDateSchema.safeParse(input).success);
  });

  it('a range of partial dates the view accepts is a valid published filter', () => {
    for (const range of [{ from: '2023' }, { to: '2023-06' }, { from: '2022-01-15', to: '2023' }]) {
      expect(Object.values(range).every(isPartialDate)).toBe(true);
      expect(LibraryFilterSchema.shape.published.safeParse(range).success).toBe(true);
    }
  });
});
