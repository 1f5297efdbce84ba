import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS, parseSearchQuery } from '../../../shared/search/query';
import { snippetFor } from '../../../shared/search/snippet';

describe('parseSearchQuery', () => {
  it('folds the query into words and keeps the typed phrase only when it has diacritics', () => {
    expect(parseSearchQuery('Đề xuất')).toEqual({ terms: ['de', 'xuat'], exactPhrase: ['đề', 'xuất'], phrases: [] });
    expect(parseSearchQuery('de xuat')).toEqual({ terms: ['de', 'xuat'], exactPhrase: null, phrases: [] });
    expect(parseSearchQuery('Duong')).toEqual({ terms: ['duong'], exactPhrase: null, phrases: [] });
    expect(parseSearchQuery('đuong').exactPhrase).toEqual(['đuong']); // đ alone counts
    expect(parseSearchQuery('ĐỀ XUẤT'.normalize('NFD')).exactPhrase).toEqual(['đề', 'xuất']);
  });

  it('turns FTS5 syntax, punctuation and emoji into separators', () => {
    expect(parseSearchQuery('"a" OR (b*) NEAR(c, 2) col:d ^e -f +g').terms).toEqual([
      'a',
      'or',
      'b',
      'near',
      'c',
      '2',
      'col',
      'd',
      'e',
      'f',
      'g',
    ]);
    for (const query of ['', '   ', '"', '*', '(', ')', '😀', '— … « »', ':^-+'])
      expect(parseSearchQuery(query).terms).toEqual([]);
  });

  it('reads quoted parts as phrases (straight or curly quotes); an unmatched quote is a separator', () => {
    expect(parseSearchQuery('"thứ nhất" Bộ').phrases).toEqual([['thu', 'nhat']]);
    expect(parseSearchQuery('“an ninh mạng” và "Hà Nội"').phrases).toEqual([
      ['an', 'ninh', 'mang'],
      ['ha', 'noi'],
    ]);
    expect(parseSearchQuery('"thứ nhất').phrases).toEqual([]);
    expect(parseSearchQuery('"thứ nhất').terms).toEqual(['thu', 'nhat']);
    expect(parseSearchQuery('"" "…" a').phrases).toEqual([]);
  });

  it('caps the number of terms', () => {
    expect(parseSearchQuery('từ '.repeat(1000)).terms).toHaveLength(MAX_QUERY_TERMS);
  });
});

describe('snippetFor', () => {
  const text =
    'Sáng 10/1, tại Hà Nội, Bộ Ngoại giao tổ chức Hội nghị tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023. ' +
    'Phát biểu tham luận, Thượng tướng Lương Tam Quang nêu 3 đề xuất của Bộ Công an về tăng cường đối ngoại. ' +
    'Thứ nhất, tiếp tục quán triệt sâu sắc đường lối đối ngoại của Đảng.';

  it('marks the matching words of the canonical text around the query as a phrase', () => {
    const { snippet, matchCount } = snippetFor(null, text, ['de', 'xuat']);
    expect(snippet).toContain('nêu 3 [[đề xuất]] của Bộ Công an');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(170);
    expect(matchCount).toBe(2);
  });

  it('matches prefixes and marks whole words, counting title matches too', () => {
    const { snippet, matchCount } = snippetFor('Đường lối đối ngoại', text, ['duong']);
    expect(snippet).toContain('sâu sắc [[đường]] lối');
    expect(matchCount).toBe(2);
    expect(snippetFor(null, text, ['ngoa']).snippet).toContain('Bộ [[Ngoại]] giao');
  });

  it('starts at the beginning, cut at a word, when only the title matches', () => {
    const { snippet, matchCount } = snippetFor('Tiêu đề riêng', text, ['rieng']);
    expect(snippet).not.toContain('[[');
    expect(snippet.startsWith('Sáng 10/1')).toBe(true);
    expect(snippet).toMatch(/\S…$/);
    expect(matchCount).toBe(1);
  });

  it('marks NFD text at the right offsets and puts line breaks on one line', () => {
    const nfd = 'Tiêu đề\n\nNội dung có đề xuất.'.normalize('NFD');
    expect(snippetFor(null, nfd, ['de', 'xuat']).snippet).toBe('Tiêu [[đề]] Nội dung có [[đề xuất]].'.normalize('NFD'));
  });
});
