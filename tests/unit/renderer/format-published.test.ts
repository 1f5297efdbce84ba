import { describe, expect, it } from 'vitest';
describe('formatPublished', () => {
  it('shows dates the way Vietnamese sites print them in Vietnamese, never inventing a year', async () => {
    const { formatPublished } = await import('../../../renderer/src/library/format');
    expect(formatPublished('2023-01-10T14:45', 'vi')).toBe('10/01/2023 14:45');
    expect(formatPublished('2019-02-01T23:57+07:00', 'vi')).toBe('01/02/2019 23:57');
    expect(formatPublished('2023-01-10', 'vi')).toBe('10/01/2023');
    expect(formatPublished('--02-26', 'vi')).toBe('26/2');
    expect(formatPublished('--02-29', 'vi')).toBe('29/2');
    expect(formatPublished(null, 'vi')).toBe('—');
  });

  it('names the month in English, with the stored wall-clock time whatever the time zone', async () => {
    const { formatPublished } = await import('../../../renderer/src/library/format');
    expect(formatPublished('2023-01-10T14:45', 'en')).toBe('Jan 10, 2023 14:45');
    expect(formatPublished('2023-01-10', 'en')).toBe('Jan 10, 2023');
    expect(formatPublished('--02-26', 'en')).toBe('Feb 26');
    expect(formatPublished('năm 2023', 'en')).toBe('năm 2023');
  });
});

describe('formatCount', () => {
  it('groups digits the way each language does', async () => {
    const { formatCount } = await import('../../../renderer/src/library/format');
    expect(formatCount(12345, 'vi')).toBe('12.345');
    expect(formatCount(12345, 'en')).toBe('12,345');
  });
});
