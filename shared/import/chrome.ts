/**
 * Site chrome left at the end of saved news pages ("Phản hồi", "Các tin khác", copyright
 * lines, language switchers, teasers of unrelated news after the byline).
 *
 * Only the END is cut: the store keeps `text` and `trimmedText` with
 * `text + trimmedText === fullText`, and restoring appends the chrome back, so every
 * annotation offset stays valid. Leading chrome ("Tiêu điểm") is recognised only so the
 * title can skip it; it stays in the text.
 */
import { bylineOf } from './byline';
import { isBlank, splitLines, wordCountOf, type TextLine } from './lines';

const fold = (line: string): string => line.trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');

/** Standalone lines that only ever head site navigation blocks. */
const TRAILING_HEADINGS = new Set(
  [
    'Phản hồi',
    'Các tin khác',
    'Tin khác',
    'Các tin đã đưa',
    'Tin liên quan',
    'Bài liên quan',
    'Tin cùng chuyên mục',
    'Tin mới nhất',
    'Mới nhất',
    'Đọc nhiều',
    'Đọc nhiều nhất',
    'Xem nhiều',
    'Xem thêm',
    'Thư viện Video',
    'Thư viện Ảnh',
    'Ý kiến bạn đọc',
    'Gửi bình luận',
    'Bình luận',
  ].map(fold),
);

/** Section labels and breadcrumbs that precede the headline on saved pages. */
const LEADING_LABELS = new Set(
  [
    'Tiêu điểm',
    'Trang chủ',
    'Tin tức',
    'Thời sự',
    'Tin nóng',
    'Tin mới',
    'Sự kiện',
    'Chính trị',
    'Xã hội',
    'Quốc tế',
  ].map(fold),
);

const COPYRIGHT = /^(?:©|®|\(c\)|copyright\b|bản quyền thuộc về|không sao chép|ghi rõ nguồn)/iu;
const LANGUAGES = String.raw`(?:English|Tiếng Việt|Français|Español|Deutsch|Русский|中文|日本語|한국어|ภาษาไทย|ລາວ|ខ្មែរ)`;
const LANGUAGE_SWITCHER = new RegExp(String.raw`^${LANGUAGES}(?:\s*[|/·•-]\s*${LANGUAGES})+$`, 'u');

// A teaser is a whole news paragraph; a "Nguồn:" or photo-credit line after a byline is not.
const MIN_TEASER_WORDS = 8;

export interface ChromeCut {
  /** The annotatable text: the full text up to the cut, trailing whitespace kept out. */
  text: string;
  /** Everything after the cut (starting with the whitespace before the chrome), or null. */
  trimmedText: string | null;
  /** The non-blank chrome lines that were cut, for the import report. */
  trimmedLines: string[];
}

export function isLeadingChromeLine(line: string): boolean {
  const folded = fold(line);
  return LEADING_LABELS.has(folded) || (/\s[>»›]\s/.test(folded) && wordCountOf(folded) <= 12);
}

/** Headings are a few words; longer lines are never looked up (this runs on every line). */
const MAX_HEADING_LENGTH = 40;

function isTrailingHeading(line: string): boolean {
  return line.length <= MAX_HEADING_LENGTH && TRAILING_HEADINGS.has(fold(line));
}

function isLegalFooter(line: string): boolean {
  const trimmed = line.trim();
  return COPYRIGHT.test(trimmed) || LANGUAGE_SWITCHER.test(trimmed);
}

/**
 * The index of the first chrome line, or -1. A navigation heading counts only in the second
 * half of the text (a lone "Bình luận" near the top is more likely a section title); the
 * copyright/switcher footer counts when it runs to the end.
 */
function firstChromeLine(lines: readonly TextLine[]): number {
  const contentLines = lines.filter((line) => !isBlank(line.text));
  const halfway = contentLines[Math.floor(contentLines.length / 2)]?.start ?? 0;
  const heading = lines.findIndex((line) => line.start >= halfway && isTrailingHeading(line.text));
  let footer = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as TextLine;
    if (isBlank(line.text)) continue;
    if (!isLegalFooter(line.text)) break;
    footer = i;
  }
  if (heading === -1) return footer;
  return footer === -1 ? heading : Math.min(heading, footer);
}

/**
 * Teasers of other news after the byline: when a signature line is followed only by whole
 * paragraphs before the chrome, those paragraphs belong to the page, not to the article.
 */
function teaserStart(lines: readonly TextLine[], chromeIndex: number): number {
  let teaserParagraphs = 0;
  for (let i = chromeIndex - 1; i >= 0; i--) {
    const line = lines[i] as TextLine;
    if (isBlank(line.text)) continue;
    if (bylineOf(line.text) !== null) return teaserParagraphs > 0 ? i + 1 : chromeIndex;
    if (wordCountOf(line.text) < MIN_TEASER_WORDS) return chromeIndex;
    teaserParagraphs++;
  }
  return chromeIndex;
}

/** Cuts trailing site chrome off canonical text; `text + trimmedText` is always `fullText`. */
export function cutTrailingChrome(fullText: string): ChromeCut {
  const lines = splitLines(fullText);
  const chromeIndex = firstChromeLine(lines);
  if (chromeIndex <= 0) return { text: fullText, trimmedText: null, trimmedLines: [] };
  const cutLine = teaserStart(lines, chromeIndex);
  const cutLineStart = (lines[cutLine] as TextLine).start;
  // Whitespace between the article and the chrome goes with the chrome.
  const cut = fullText.slice(0, cutLineStart).trimEnd().length;
  if (cut === 0) return { text: fullText, trimmedText: null, trimmedLines: [] };
  const trimmedText = fullText.slice(cut);
  return {
    text: fullText.slice(0, cut),
    trimmedText,
    trimmedLines: trimmedText
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}
