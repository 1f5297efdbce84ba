/**
 * The metadata heuristics look for the lead paragraph only when a field needs it: the date when
 * the header has none, the agency credit when a line opens with "(" (issue 13, import at corpus
 * scale: in a text whose lines are all headings, finding the lead counts the words of every line,
 * and it was found twice per article). This pins the date and the source to the definitions they
 * replaced, which found the lead first, on generated texts mixing headings, paragraphs, credits,
 * dates, source and copyright lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateLine, parseLeadDayMonth } from '../../../shared/import/dates';
import { isBlank, wordCountOf } from '../../../shared/import/lines';
import { extractMetadata } from '../../../shared/import/metadata';

const LEAD_CREDIT = /^\(([^()\n]{2,60})\)\s*[-–—]\s*/u;
const SOURCE_LINE = /^(?:nguồn|theo)\s*:\s*(.+)$/iu;
const COPYRIGHT_OWNER = /bản quyền thuộc về\s+(.+?)\.?\s*$/iu;

const isParagraph = (line: string): boolean => line.length > 250 || /[.:;…]$/.test(line) || wordCountOf(line) > 35;

const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !isBlank(line));

function headerOf(lines: readonly string[]): string[] {
  const header: string[] = [];
  for (const line of lines.slice(0, 5)) {
    if (isParagraph(line)) break;
    header.push(line);
  }
  return header;
}

function cleanSource(value: string): string | null {
  const source = value
    .trim()
    .replace(/[.。]+$/u, '')
    .trim();
  return source.length > 0 && source.length <= 80 ? source : null;
}

/** The date and the source as found before: the lead looked for first, every time. */
function dateAndSourceByDefinition(body: string, chrome: string | null) {
  const lines = linesOf(body);
  const chromeLines = chrome ? linesOf(chrome) : [];
  let publishedAt: string | null = null;
  for (const line of headerOf(lines)) {
    publishedAt ??= parseDateLine(line);
  }
  const paragraph = lines.find((line) => isParagraph(line));
  if (publishedAt === null && paragraph) publishedAt = parseLeadDayMonth(paragraph.replace(LEAD_CREDIT, ''));
  const lead = paragraph ?? lines[0];
  const credit = lead ? LEAD_CREDIT.exec(lead)?.[1] : undefined;
  let source: string | null | undefined = credit ? cleanSource(credit) : undefined;
  for (const line of [...lines.slice(-3)].reverse()) {
    const named = SOURCE_LINE.exec(line)?.[1];
    if (source === undefined && named) source = cleanSource(named);
  }
  for (const line of [...lines.slice(-3), ...chromeLines]) {
    const owner = COPYRIGHT_OWNER.exec(line)?.[1];
    if (source === undefined && owner) source = cleanSource(owner);
  }
  return { publishedAt, source: source ?? null };
}

const LINES = [
  'Hội nghị tổng kết công tác đối ngoại',
  'Tiêu điểm',
  '14:45 10/01/2023',
  'Thứ Sáu, 1/2/2019 23:57',
  '(TTXVN) - Chiều 26/2, Bộ trưởng tiếp đoàn đại biểu quốc tế tại Hà Nội.',
  '(Ngày Nay) – Sáng ngày 10/1, hội nghị khai mạc',
  '(ảnh minh họa)',
  '(Công an) - ' + 'từ '.repeat(40),
  'Phát biểu tại hội nghị ngày 13-8, Bộ trưởng nhấn mạnh yêu cầu đổi mới tư duy.',
  'Theo báo cáo, lực lượng chức năng đã chủ động nắm chắc tình hình (1.2)',
  'an ninh '.repeat(20),
  'x'.repeat(260),
  'Kết luận:',
  'Nguồn: VnExpress',
  'Theo: Báo Công An Nhân Dân.',
  '©2004. Bản quyền thuộc về Báo Công An Nhân Dân.',
  'Hà An',
  '',
  '   ',
];

const texts = fc
  .array(fc.constantFrom(...LINES), { maxLength: 14 })
  .chain((lines) =>
    fc
      .array(fc.constantFrom('\n', '\n\n'), { minLength: lines.length, maxLength: lines.length })
      .map((breaks) => lines.map((line, i) => line + (breaks[i] ?? '')).join('')),
  );

describe('metadata: the lead paragraph looked for only when needed', () => {
  it('finds the date and the source the definition finds', () => {
    fc.assert(
      fc.property(texts, fc.option(fc.constantFrom(...LINES)), (body, chrome) => {
        const { publishedAt, source } = extractMetadata(body, chrome);
        expect({ publishedAt, source }).toEqual(dateAndSourceByDefinition(body, chrome));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the credit and the lead’s date behind headings that are no paragraphs', () => {
    const headings = Array.from({ length: 8 }, (_, i) => `Tiêu đề phụ số ${i} không có dấu chấm`).join('\n');
    const text = `${headings}\n(TTXVN) - Sáng ngày 10/1, hội nghị khai mạc tại Hà Nội.\nHà An`;
    expect(extractMetadata(text)).toMatchObject({ publishedAt: '--01-10', source: 'TTXVN' });
  });
});
