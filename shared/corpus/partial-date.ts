/**
 * A year, a month or a day: `2023`, `2023-06`, `2023-06-30`. Zod-free, so the library's filters
 * check a typed date without the schemas at start (issue 13); `PartialDateSchema` is built on it.
 */
export const PARTIAL_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export const isPartialDate = (value: string): boolean => PARTIAL_DATE_PATTERN.test(value);
