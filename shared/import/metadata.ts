/**
 * Metadata heuristics for Vietnamese news text: title, publication date, source, byline.
 * Each field is null when nothing reliable is found; nothing is invented or guessed.
 * Dates use the representation documented in ./dates.
 */
import { bylineOf } from './byline';
import { isLeadingChromeLine } from './chrome';
import { isDateLine, parseDateLine, parseLeadDayMonth } from './dates';
import { isBlank, wordCountOf } from './lines';

export interface ArticleMetadata {
  title: string | null;
  publishedAt: string | null;
  source: string | null;
  byline: string | null;
}

/** Lines before the first paragraph that hold headline, dateline and labels. */
const HEADER_LINES = 5;
const MAX_TITLE_WORDS = 35;
const MAX_TITLE_LENGTH = 250;
const MAX_SOURCE_LENGTH = 80;

// "(Ngày Nay) - Chiều 26/2, …": the agency credit opening a lead.
const LEAD_CREDIT = /^\(([^()\n]{2,60})\)\s*[-–—]\s*/u;
// "Nguồn: Tạp chí Cộng sản", "Theo: VnExpress"
const SOURCE_LINE = /^(?:nguồn|theo)\s*:\s*(.+)$/iu;
// "©2004. Bản quyền thuộc về Báo Công An Nhân Dân."
const COPYRIGHT_OWNER = /bản quyền thuộc về\s+(.+?)\.?\s*$/iu;

const nonBlankLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !isBlank(line));

/** A paragraph, not a heading: long, or a finished sentence. */
function isParagraph(line: string): boolean {
  return line.length > MAX_TITLE_LENGTH || /[.:;…]$/.test(line) || wordCountOf(line) > MAX_TITLE_WORDS;
}

/** The header: leading lines up to (not including) the first paragraph. */
function headerLines(lines: readonly string[]): string[] {
  const header: string[] = [];
  for (const line of lines.slice(0, HEADER_LINES)) {
    if (isParagraph(line)) break;
    header.push(line);
  }
  return header;
}

/**
 * The lead: the first paragraph, found from the end of the header (whose lines are none). Looked
 * for only when a field needs it: in a text with no paragraph (lines that are neither long nor
 * finished sentences), finding out counts the words of every line.
 */
function leadParagraph(lines: readonly string[], header: readonly string[]): string | undefined {
  for (let i = header.length; i < lines.length; i++) if (isParagraph(lines[i] as string)) return lines[i];
  return undefined;
}

function findTitle(lines: readonly string[], header: readonly string[]): string | null {
  const candidate = header.find((line) => !isLeadingChromeLine(line) && !isDateLine(line));
  if (!candidate || LEAD_CREDIT.test(candidate)) return null;
  // A headline heads something: a file that is one short line has no title, only text.
  if (lines.indexOf(candidate) >= lines.length - 1) return null;
  // A Markdown heading ("# Tiêu đề") is a title without its marker; the text keeps it.
  return candidate.replace(MARKDOWN_HEADING, '') || null;
}

const MARKDOWN_HEADING = /^#{1,6}\s+/;

function findPublishedAt(lines: readonly string[], header: readonly string[]): string | null {
  for (const line of header) {
    const date = parseDateLine(line);
    if (date) return date;
  }
  const lead = leadParagraph(lines, header);
  return lead ? parseLeadDayMonth(lead.replace(LEAD_CREDIT, '')) : null;
}

function cleanSource(value: string): string | null {
  const source = value
    .trim()
    .replace(/[.。]+$/u, '')
    .trim();
  return source.length > 0 && source.length <= MAX_SOURCE_LENGTH ? source : null;
}

function findSource(
  bodyLines: readonly string[],
  chromeLines: readonly string[],
  header: readonly string[],
): string | null {
  // The credit opens the lead (or the first line, when no line is a paragraph): only a text with
  // a line opening with "(" can have one.
  const credit = bodyLines.some((line) => line.startsWith('('))
    ? LEAD_CREDIT.exec(leadParagraph(bodyLines, header) ?? (bodyLines[0] as string))?.[1]
    : undefined;
  if (credit) return cleanSource(credit);
  for (const line of [...bodyLines.slice(-3)].reverse()) {
    const named = SOURCE_LINE.exec(line)?.[1];
    if (named) return cleanSource(named);
  }
  for (const line of [...bodyLines.slice(-3), ...chromeLines]) {
    const owner = COPYRIGHT_OWNER.exec(line)?.[1];
    if (owner) return cleanSource(owner);
  }
  return null;
}

/** The closing signature, skipping a trailing "Nguồn: …" line. */
function findByline(bodyLines: readonly string[]): string | null {
  const closing = bodyLines.slice(-2).reverse();
  for (const line of closing) {
    if (SOURCE_LINE.test(line)) continue;
    return bylineOf(line);
  }
  return null;
}

/**
 * Reads metadata from an article's canonical text, split as the importer stores it:
 * `body` (the annotatable text) and `chrome` (the trimmed tail, where copyright lines name
 * the publisher).
 */
export function extractMetadata(body: string, chrome: string | null = null): ArticleMetadata {
  const bodyLines = nonBlankLines(body);
  const chromeLines = chrome ? nonBlankLines(chrome) : [];
  const header = headerLines(bodyLines);
  return {
    title: findTitle(bodyLines, header),
    publishedAt: findPublishedAt(bodyLines, header),
    source: findSource(bodyLines, chromeLines, header),
    byline: findByline(bodyLines),
  };
}
