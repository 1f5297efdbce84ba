/**
 * Lexical serialized nodes as `editorState.toJSON()` writes them (lexical 0.52: paragraph,
 * heading, quote, list, listitem, table, tablerow, tablecell, text, link, linebreak), built by
 * hand so the writers are tested on the JSON the brief store keeps, not on our own model.
 */
import type { CitationSnapshot, SerializedCitationNode } from '../../../shared/brief/citation';

type Node = Record<string, unknown>;

const element = (type: string, children: Node[], extra: Node = {}): Node => ({
  type,
  version: 1,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  ...extra,
});

export const BOLD = 1;
export const ITALIC = 2;
export const UNDERLINE = 8;
export const CODE = 16;

export const text = (value: string, format = 0): Node => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
});
export const lineBreak = (): Node => ({ type: 'linebreak', version: 1 });
export const paragraph = (...children: Node[]): Node =>
  element('paragraph', children, { textFormat: 0, textStyle: '' });
export const heading = (tag: `h${1 | 2 | 3 | 4 | 5 | 6}`, ...children: Node[]): Node =>
  element('heading', children, { tag });
export const quote = (...children: Node[]): Node => element('quote', children);
export const link = (url: string, ...children: Node[]): Node =>
  element('link', children, { url, rel: 'noreferrer', target: null, title: null });
export const listItem = (...children: Node[]): Node => element('listitem', children, { value: 1 });
export const list = (listType: 'bullet' | 'number', items: Node[], start = 1): Node =>
  element('list', items, { listType, start, tag: listType === 'number' ? 'ol' : 'ul' });
/** Lexical's nesting: a list inside an item of its own, after the item it belongs under. */
export const nestedItem = (inner: Node): Node => listItem(inner);
export const table = (rows: Node[][][], headerRow = true): Node =>
  element(
    'table',
    rows.map((cells, r) =>
      element(
        'tablerow',
        cells.map((blocks) => element('tablecell', blocks, { headerState: headerRow && r === 0 ? 1 : 0, colSpan: 1 })),
      ),
    ),
  );
export const citation = (snapshot: CitationSnapshot): SerializedCitationNode => ({
  ...snapshot,
  type: 'citation',
  version: 1,
});
export const editorState = (...children: Node[]): { root: Node } => ({ root: element('root', children) });
