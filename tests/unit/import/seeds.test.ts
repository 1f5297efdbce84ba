import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutTrailingChrome } from '../../../shared/import/chrome';
import { parseDateLine, parseLeadDayMonth } from '../../../shared/import/dates';
import { extractMetadata } from '../../../shared/import/metadata';
import { canonicalize } from '../../../shared/text/canonical';
import { SEEDS_DIR } from '../../helpers/temp-workbench';

const seed = (prefix: string): string => {
  const names: Record<string, string> = {
    '000': '000_8f5f516a97063b02.txt',
    '001': '001_6a12c2ce6e01206f.txt',
    '002': '002_092580baaaa6c308.txt',
    '003': '003_4addc98f3e5cdf29.txt',
    '004': '004_6cdeb8947295d119.txt',
  };
  return canonicalize(readFileSync(join(SEEDS_DIR, names[prefix] as string), 'utf8')).text;
};

const metadataOf = (prefix: string) => {
  const cut = cutTrailingChrome(seed(prefix));
  return extractMetadata(cut.text, cut.trimmedText);
};

// Expected values written by reading each seed.
describe('metadata heuristics on the seeds', () => {
  it('000: no headline or source; the lead\'s "ngày 13-8" is the day (was not recognised); closing initials "D.T - A.N"', () => {
    expect(metadataOf('000')).toEqual({ title: null, publishedAt: '--08-13', source: null, byline: 'D.T - A.N' });
  });

  it('001: no headline, date or source; signed "Hà An"', () => {
    expect(metadataOf('001')).toEqual({ title: null, publishedAt: null, source: null, byline: 'Hà An' });
  });

  it('002: headline, "14:45 10/01/2023", publisher from the copyright line, signed "An Nhiên"', () => {
    expect(metadataOf('002')).toEqual({
      title: '3 đề xuất của Bộ Công an về tăng cường đối ngoại và hợp tác quốc tế',
      publishedAt: '2023-01-10T14:45',
      source: 'Báo Công An Nhân Dân',
      byline: 'An Nhiên',
    });
  });

  it('003: headline after the "Tiêu điểm" label and the dateline, "Nguồn:" source, author glued to credentials', () => {
    expect(metadataOf('003')).toEqual({
      title: 'Công tác đối ngoại của lực lượng công an nhân dân trong tình hình mới',
      publishedAt: '2019-02-01T23:57+07:00',
      source: 'Tạp chí Cộng sản',
      byline: 'Tô Lâm',
    });
  });

  it('004: agency credit "(Ngày Nay) -", "Chiều 26/2" without a year, no byline (ends "./.")', () => {
    expect(metadataOf('004')).toEqual({ title: null, publishedAt: '--02-26', source: 'Ngày Nay', byline: null });
  });
});

describe('dates', () => {
  it('parses the forms news pages print, and never invents a year', () => {
    expect(parseDateLine('14:45 10/01/2023')).toBe('2023-01-10T14:45');
    expect(parseDateLine("Thứ Sáu, 1/2/2019 23:57'(GMT+7)")).toBe('2019-02-01T23:57+07:00');
    expect(parseDateLine('Cập nhật: 05/03/2024')).toBe('2024-03-05');
    expect(parseDateLine('32/13/2024')).toBeNull();
    expect(parseLeadDayMonth('Chiều 26/2, tại Hà Nội')).toBe('--02-26');
    expect(parseLeadDayMonth('Bộ Công an ngày 26/2')).toBe('--02-26');
    expect(parseLeadDayMonth('Hội nghị được tổ chức ngày 13-8 tại Hà Nội, Thượng tướng Tô Lâm cho biết')).toBe(
      '--08-13',
    );
    // Deadlines and ranges are not the news day; nor is a date after the first sentence.
    expect(parseLeadDayMonth('Kế hoạch phải xong trước ngày 30/6 theo chỉ đạo')).toBeNull();
    expect(parseLeadDayMonth('Bộ họp. Sau đó, ngày 2-9 sẽ có lễ')).toBeNull();
  });
});

describe('trailing chrome on the seeds', () => {
  it('002: cuts the teasers after the byline, the copyright lines and the language switcher', () => {
    const full = seed('002');
    const cut = cutTrailingChrome(full);
    expect(cut.text.endsWith('Thứ trưởng Lương Tam Quang nhấn mạnh.\n\nAn Nhiên')).toBe(true);
    expect(cut.trimmedText?.startsWith('\n\nThông tin từ Trung tâm dự báo khí tượng')).toBe(true);
    expect(cut.trimmedLines.slice(-3)).toEqual([
      '©2004. Bản quyền thuộc về Báo Công An Nhân Dân.',
      '®Không sao chép dưới mọi hình thức khi chưa có sự đồng ý bằng văn bản của Báo Công An Nhân Dân.',
      'English | 中文',
    ]);
    expect(cut.text + cut.trimmedText).toBe(full);
  });

  it('003: cuts from "Phản hồi" to the end and keeps the source line; leading "Tiêu điểm" stays', () => {
    const full = seed('003');
    const cut = cutTrailingChrome(full);
    expect(cut.text.startsWith('Tiêu điểm\n')).toBe(true);
    expect(cut.text.endsWith('Nguồn: Tạp chí Cộng sản')).toBe(true);
    expect(cut.trimmedLines).toEqual([
      'Phản hồi',
      'Các tin khác',
      'Thư viện Video',
      'Học viện Cảnh sát nhân dân triển khai công tác hội và phong trào phụ nữ năm 2024',
      'Học viện Cảnh sát nhân dân triển khai công tác hội và phong trào phụ nữ năm 2024',
      expect.stringMatching(/^\(ANTV\) - Nhân dịp kỷ niệm 114 năm/),
      'Thư viện Ảnh',
      'Mới nhất',
    ]);
    expect(cut.text + cut.trimmedText).toBe(full);
  });

  it('leaves seeds without chrome whole', () => {
    for (const prefix of ['000', '001', '004'])
      expect(cutTrailingChrome(seed(prefix))).toEqual({ text: seed(prefix), trimmedText: null, trimmedLines: [] });
  });

  it('does not mistake a mid-article heading for chrome', () => {
    const text = 'Tiêu đề bài\n\nBình luận\n\nĐoạn một của bài viết khá dài.\n\nĐoạn hai.\n\nĐoạn ba.\n\nĐoạn bốn.';
    expect(cutTrailingChrome(text).trimmedText).toBeNull();
  });
});
