/**
 * A brief as its exports see it: Lexical's serialized editor state read once into a small tree of
 * blocks and inlines, with every citation numbered as a note and resolved (live, orphaned or its
 * article missing). The HTML, Markdown and DOCX writers all render this tree, so what a node means
 * is decided here once, and each writer only decides how it looks.
 *
 * Lexical node types read: root, paragraph, heading (h1–h6), quote, list/listitem (bullet, number,
 * check; nested), table/tablerow/tablecell, text (format bits), link/autolink, linebreak, tab and
 * `citation`. An element of another type keeps its children (a plugin's wrapper never swallows
 * text); a leaf of another type keeps its `text`, if any.
 */
import {
  CITATION_NODE_TYPE,
  SerializedCitationNodeSchema,
  type CitationSnapshot,
  type ResolvedCitation,
} from '../citation';

export type BriefLanguage = 'en' | 'vi';

/** The brief's own record, as the brief store keeps it. */
export interface BriefMeta {
  title: string;
  author: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}

export interface TextMarks {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  code: boolean;
}

export type BriefInline =
  | { kind: 'text'; text: string; marks: TextMarks }
  | { kind: 'break' }
  /** `url` is null when the link's target is not http(s) or mailto: its text stays, the link goes. */
  | { kind: 'link'; url: string | null; children: BriefInline[] }
  /** The quote in the text, then the note's number. */
  | { kind: 'citation'; note: BriefNote };

export interface BriefListItem {
  inlines: BriefInline[];
  /** Lists nested under this item. */
  lists: BriefList[];
}

export interface BriefList {
  kind: 'list';
  ordered: boolean;
  start: number;
  items: BriefListItem[];
}

export interface BriefTableCell {
  header: boolean;
  blocks: BriefBlock[];
}

export type BriefBlock =
  | { kind: 'paragraph'; inlines: BriefInline[] }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: BriefInline[] }
  | { kind: 'quote'; inlines: BriefInline[] }
  | BriefList
  | { kind: 'table'; rows: { cells: BriefTableCell[] }[] };

/** One citation, numbered in reading order from 1. */
export interface BriefNote {
  number: number;
  state: ResolvedCitation['state'];
  /** The span as it is now when live; else the snapshot the brief saved. */
  citation: CitationSnapshot;
  /**
   * Where the quote sits in its article: code points (the dataset exports' unit) when live; the
   * snapshot's UTF-16 units otherwise, since the text to convert them may be gone.
   */
  offsets: { unit: 'codepoint' | 'utf16'; start: number; end: number };
}

export interface BriefDocument {
  meta: BriefMeta;
  language: BriefLanguage;
  blocks: BriefBlock[];
  notes: BriefNote[];
}

/** A serialized state the exports cannot read, naming the node by its path (`root.children[2].text`). */
export class BriefContentError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'BriefContentError';
  }
}

/** Lexical's TextNode format bits (lexical/src/LexicalConstants.ts). */
const FORMAT_BITS = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16 } as const;

const SAFE_LINK = /^(https?:|mailto:)/i;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The snapshots of every citation in the state, in reading order (what a resolver is asked about). */
export function citationsIn(state: unknown): CitationSnapshot[] {
  const found: CitationSnapshot[] = [];
  const walk = (node: unknown, path: string) => {
    if (!isObject(node)) return;
    if (node.type === CITATION_NODE_TYPE) found.push(parseCitation(node, path));
    if (Array.isArray(node.children)) node.children.forEach((child, i) => walk(child, `${path}.children[${i}]`));
  };
  walk(rootOf(state), 'root');
  return found;
}

/**
 * Reads a serialized editor state (`{ root }`, as `editorState.toJSON()` gives it) into a brief
 * document. `resolved` answers each citation by annotation id; a citation it does not answer is
 * shown from its snapshot as a span that no longer exists. Throws BriefContentError on a state
 * that is not Lexical's.
 */
export function buildBriefDocument(
  meta: BriefMeta,
  state: unknown,
  resolved: ReadonlyMap<number, ResolvedCitation>,
  language: BriefLanguage,
): BriefDocument {
  const notes: BriefNote[] = [];
  const root = rootOf(state);

  const note = (node: Json, path: string): BriefNote => {
    const snapshot = parseCitation(node, path);
    const answer = resolved.get(snapshot.annotationId);
    const made: BriefNote =
      answer?.state === 'live'
        ? {
            number: notes.length + 1,
            state: 'live',
            citation: answer.citation,
            offsets: { unit: 'codepoint', start: answer.startCp, end: answer.endCp },
          }
        : {
            number: notes.length + 1,
            state: answer?.state ?? 'orphaned',
            citation: snapshot,
            offsets: { unit: 'utf16', start: snapshot.startU16, end: snapshot.endU16 },
          };
    notes.push(made);
    return made;
  };

  const inlines = (children: unknown, path: string): BriefInline[] =>
    childrenOf(children, path).flatMap((child, i) => inline(child, `${path}.children[${i}]`));

  const inline = (node: Json, path: string): BriefInline[] => {
    switch (node.type) {
      case 'text':
        return [{ kind: 'text', text: stringField(node, 'text', path), marks: marksOf(node, path) }];
      case 'tab':
        return [{ kind: 'text', text: '\t', marks: marksOf(node, path) }];
      case 'linebreak':
        return [{ kind: 'break' }];
      case 'link':
      case 'autolink': {
        const url = typeof node.url === 'string' && SAFE_LINK.test(node.url.trim()) ? node.url.trim() : null;
        return [{ kind: 'link', url, children: inlines(node.children, path) }];
      }
      case CITATION_NODE_TYPE:
        return [{ kind: 'citation', note: note(node, path) }];
      default:
        if (Array.isArray(node.children)) return inlines(node.children, path);
        return typeof node.text === 'string' ? [{ kind: 'text', text: node.text, marks: marksOf(node, path) }] : [];
    }
  };

  const list = (node: Json, path: string): BriefList => {
    const ordered = node.listType === 'number';
    const start = typeof node.start === 'number' && Number.isInteger(node.start) && node.start >= 0 ? node.start : 1;
    const items: BriefListItem[] = [];
    childrenOf(node.children, path).forEach((child, i) => {
      const itemPath = `${path}.children[${i}]`;
      const item: BriefListItem = { inlines: [], lists: [] };
      childrenOf(child.children, itemPath).forEach((part, j) => {
        if (part.type === 'list') item.lists.push(list(part, `${itemPath}.children[${j}]`));
        else item.inlines.push(...inline(part, `${itemPath}.children[${j}]`));
      });
      // Lexical nests a list in an item of its own after the item it belongs under.
      const previous = items.at(-1);
      if (item.inlines.length === 0 && item.lists.length > 0 && previous) previous.lists.push(...item.lists);
      else items.push(item);
    });
    return { kind: 'list', ordered, start, items };
  };

  const block = (node: Json, path: string): BriefBlock[] => {
    switch (node.type) {
      case 'paragraph':
        return [{ kind: 'paragraph', inlines: inlines(node.children, path) }];
      case 'heading':
        return [{ kind: 'heading', level: headingLevel(node, path), inlines: inlines(node.children, path) }];
      case 'quote':
        return [{ kind: 'quote', inlines: inlines(node.children, path) }];
      case 'list':
        return [list(node, path)];
      case 'table':
        return [
          {
            kind: 'table',
            rows: childrenOf(node.children, path).map((row, r) => ({
              cells: childrenOf(row.children, `${path}.children[${r}]`).map((cell, c) => {
                const cellPath = `${path}.children[${r}].children[${c}]`;
                // headerState is a bit set (row 1, column 2); any bit makes a header cell.
                return { header: Number(cell.headerState ?? 0) > 0, blocks: blocks(cell.children, cellPath) };
              }),
            })),
          },
        ];
      default: {
        // An inline or unknown node at block level becomes a paragraph of what it holds.
        const held = inline(node, path);
        return held.length > 0 ? [{ kind: 'paragraph', inlines: held }] : [];
      }
    }
  };

  const blocks = (children: unknown, path: string): BriefBlock[] =>
    childrenOf(children, path).flatMap((child, i) => block(child, `${path}.children[${i}]`));

  return { meta, language, blocks: blocks(root.children, 'root'), notes };
}

function rootOf(state: unknown): Json {
  const root = isObject(state) ? state.root : undefined;
  if (!isObject(root) || root.type !== 'root') throw new BriefContentError('root', 'not a Lexical editor state');
  return root;
}

function childrenOf(children: unknown, path: string): Json[] {
  if (children === undefined) return [];
  if (!Array.isArray(children)) throw new BriefContentError(`${path}.children`, 'not a list of nodes');
  return children.map((child, i) => {
    if (!isObject(child) || typeof child.type !== 'string')
      throw new BriefContentError(`${path}.children[${i}]`, 'not a node (an object with a type)');
    return child;
  });
}

function stringField(node: Json, field: string, path: string): string {
  const value = node[field];
  if (typeof value !== 'string') throw new BriefContentError(`${path}.${field}`, 'not a string');
  return value;
}

function marksOf(node: Json, path: string): TextMarks {
  const format = node.format ?? 0;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 0)
    throw new BriefContentError(`${path}.format`, 'not a format bit set');
  return {
    bold: (format & FORMAT_BITS.bold) !== 0,
    italic: (format & FORMAT_BITS.italic) !== 0,
    underline: (format & FORMAT_BITS.underline) !== 0,
    strikethrough: (format & FORMAT_BITS.strikethrough) !== 0,
    code: (format & FORMAT_BITS.code) !== 0,
  };
}

function headingLevel(node: Json, path: string): 1 | 2 | 3 | 4 | 5 | 6 {
  const match = typeof node.tag === 'string' ? /^h([1-6])$/.exec(node.tag) : null;
  if (!match) throw new BriefContentError(`${path}.tag`, 'a heading tag is h1 to h6');
  return Number(match[1]) as 1 | 2 | 3 | 4 | 5 | 6;
}

function parseCitation(node: Json, path: string): CitationSnapshot {
  const parsed = SerializedCitationNodeSchema.safeParse(node);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? `.${issue.path.join('.')}` : '';
    throw new BriefContentError(`${path}${field}`, `not a citation: ${issue?.message ?? 'invalid'}`);
  }
  const { type: _type, version: _version, ...snapshot } = parsed.data;
  return snapshot;
}

const WORDS = {
  en: {
    by: 'By',
    created: 'created',
    updated: 'updated',
    notes: 'Notes',
    codePoints: 'code points',
    utf16: 'UTF-16 units, as saved',
    undated: 'undated',
    noSource: 'source not recorded',
    orphaned: 'The span was deleted from its article; this is the text saved in the brief.',
    articleMissing: 'The article (no. {id}) was deleted; this is the text saved in the brief.',
  },
  vi: {
    by: 'Tác giả',
    created: 'tạo',
    updated: 'cập nhật',
    notes: 'Chú thích',
    codePoints: 'điểm mã',
    utf16: 'đơn vị UTF-16, như đã lưu',
    undated: 'không rõ ngày',
    noSource: 'không rõ nguồn',
    orphaned: 'Đoạn chú thích đã bị xoá khỏi bài báo; đây là văn bản đã lưu trong báo cáo.',
    articleMissing: 'Bài báo (số {id}) đã bị xoá; đây là văn bản đã lưu trong báo cáo.',
  },
} as const satisfies Record<BriefLanguage, Record<string, string>>;

/** The exports' own words (a document, not the UI), in the brief's language. */
export function briefWords(language: BriefLanguage): (typeof WORDS)[BriefLanguage] {
  return WORDS[language];
}

/** One run of a note's text: the article's title is set in italics, what is missing stands out. */
export interface NotePart {
  text: string;
  style?: 'title' | 'missing';
}

/**
 * A note's text: the quote, the article's title, source, date and offsets, then, for a citation
 * whose span or article is gone, what is missing. Every writer prints these parts in order.
 */
export function noteParts(note: BriefNote, language: BriefLanguage): NotePart[] {
  const words = WORDS[language];
  const { citation, offsets } = note;
  const unit = offsets.unit === 'codepoint' ? words.codePoints : words.utf16;
  const parts: NotePart[] = [
    { text: `“${citation.quote}” — ` },
    { text: citation.articleTitle, style: 'title' },
    {
      // A comma, not a full stop, after the title: "source not recorded" must not start a sentence.
      text: `, ${citation.source ?? words.noSource}, ${citation.publishedAt ?? words.undated}; ${citation.labelKey}; ${unit} ${offsets.start}–${offsets.end}.`,
    },
  ];
  if (note.state === 'orphaned') parts.push({ text: ` ${words.orphaned}`, style: 'missing' });
  if (note.state === 'articleMissing')
    parts.push({ text: ` ${words.articleMissing.replace('{id}', String(citation.articleId))}`, style: 'missing' });
  return parts;
}

/** "By Lan · created 2026-11-30 · updated 2026-11-30": the line under the title. */
export function bylineOf(meta: BriefMeta, language: BriefLanguage): string {
  const words = WORDS[language];
  const day = (iso: string) => iso.slice(0, 10);
  return `${words.by} ${meta.author} · ${words.created} ${day(meta.createdAt)} · ${words.updated} ${day(meta.updatedAt)}`;
}
