import { refused, type Extraction } from './types';

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
 * Real pages nest a few dozen levels (browsers stop nesting at 512). A page nested 100,000 deep
 * overflows the stack of every DOM walker (jsdom, Readability, ours), so it is refused up front.
 */
const MAX_HTML_DEPTH = 1000;
/** Elements that never hold children, or that the parser closes on its own (<p>, <li> …). */
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd tr td th option thead tbody tfoot colgroup rt rp'.split(
    ' ',
  ),
);

/** The deepest element nesting the tags spell out, counted without building a DOM. */
export function tagDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const [, closing, tag = '', selfClosing] = match;
    if (NOT_NESTING.has(tag.toLowerCase()) || selfClosing) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** The page's own address: `<link rel="canonical">`, else `og:url`; only absolute http(s) URLs. */
function pageUrl(document: Document): string | null {
  const candidates = [
    document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url" i]')?.getAttribute('content'),
  ];
  return candidates.map((value) => value?.trim()).find((value) => value && /^https?:\/\//i.test(value)) ?? null;
}

/**
 * Lines of the page that Readability left out of the article (navigation, teasers, footers),
 * in page order: kept as trimmed chrome, so the analyst can restore them as for text files.
 */
function droppedLines(pageText: string, articleText: string): string[] {
  const kept = new Set(articleText.split('\n').map((line) => line.trim()));
  return pageText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !kept.has(line));
}

/**
 * The article body of a saved web page, found by Readability on a jsdom DOM (loaded lazily:
 * jsdom is heavy and most imports are plain text). Falls back to the whole body when
 * Readability finds no article. What Readability dropped stays restorable (`droppedText`).
 */
export async function extractHtml(html: string): Promise<Extraction> {
  const depth = tagDepth(html);
  if (depth > MAX_HTML_DEPTH) {
    return refused({ key: 'htmlNestedTooDeep', params: { depth, max: MAX_HTML_DEPTH } });
  }
  const [{ JSDOM }, { Readability }] = await Promise.all([import('jsdom'), import('@mozilla/readability')]);
  const dom = new JSDOM(html);
  try {
    const document = dom.window.document;
    const pageTitle = document.title.trim() || null;
    const url = pageUrl(document);
    // Readability rewrites the DOM it reads, so the whole page's text is taken first.
    const pageText = textOf(document.body);
    const article = new Readability<string>(document, { serializer: textOf }).parse();
    if (article?.content) {
      const dropped = droppedLines(pageText, article.content);
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
              url,
            },
            ...(dropped.length > 0 ? { droppedText: dropped.join('\n') } : {}),
          },
        ],
        skipped: [],
        notes: [
          { key: 'noteReadability', params: {} },
          ...(dropped.length > 0
            ? [
                {
                  key: 'noteReadabilityLeftOut',
                  params: { count: dropped.length, example: shorten(dropped[0] as string) },
                } as const,
              ]
            : []),
        ],
      };
    }
    return {
      kind: 'documents',
      documents: [{ part: null, rawText: pageText, given: { title: pageTitle, url } }],
      skipped: [],
      notes: [{ key: 'noteReadabilityNoArticle', params: {} }],
    };
  } finally {
    dom.window.close();
  }
}

const shorten = (line: string): string => (line.length > 40 ? `${line.slice(0, 40)}…` : line);
