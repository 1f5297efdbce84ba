import type { Extraction } from './types';

/** Elements after which text breaks into a new paragraph. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Readable text of a DOM subtree: paragraphs separated by blank lines, <br> as a line break. */
function textOf(node: Node): string {
  const parts: string[] = [];
  const walk = (current: Node): void => {
    if (current.nodeType === TEXT_NODE) {
      parts.push((current.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' '));
      return;
    }
    if (current.nodeType !== ELEMENT_NODE) {
      current.childNodes.forEach(walk);
      return;
    }
    const tag = (current as Element).tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) parts.push('\n\n');
    current.childNodes.forEach(walk);
    if (block) parts.push('\n\n');
  };
  walk(node);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The article body of a saved web page, found by Readability on a jsdom DOM (loaded lazily:
 * jsdom is heavy and most imports are plain text). Falls back to the whole body when
 * Readability finds no article.
 */
export async function extractHtml(html: string): Promise<Extraction> {
  const [{ JSDOM }, { Readability }] = await Promise.all([import('jsdom'), import('@mozilla/readability')]);
  const dom = new JSDOM(html);
  try {
    const document = dom.window.document;
    const pageTitle = document.title.trim() || null;
    const article = new Readability<string>(document, { serializer: textOf }).parse();
    if (article?.content) {
      return {
        kind: 'documents',
        documents: [
          {
            part: null,
            rawText: article.content,
            given: {
              title: article.title?.trim() || pageTitle,
              byline: article.byline?.trim() || null,
              source: article.siteName?.trim() || null,
              publishedAt: article.publishedTime?.trim() || null,
            },
          },
        ],
        skipped: [],
        notes: ['Article body extracted with Readability.'],
      };
    }
    const bodyText = textOf(new JSDOM(html).window.document.body);
    return {
      kind: 'documents',
      documents: [{ part: null, rawText: bodyText, given: { title: pageTitle } }],
      skipped: [],
      notes: ['Readability found no article; the whole page text was imported.'],
    };
  } finally {
    dom.window.close();
  }
}
