/**
 * A brief as CommonMark, with the two GFM extensions every current reader has: footnotes
 * (`[^1]`, one per citation, defined at the end) and pipe tables. Text is escaped so that what
 * the analyst typed (a quote holding `*`, `<script>` or `[^2]`) stays text; underline, which
 * Markdown lacks, is inline `<u>`.
 */
import {
  bylineOf,
  noteParts,
  type BriefBlock,
  type BriefDocument,
  type BriefInline,
  type BriefList,
  type TextMarks,
} from './brief-document';

/** Characters that start or end Markdown syntax anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~#!]/g;
/** What would open a block at the start of a line: a list marker, a setext underline, a rule. */
const LINE_START_SPECIAL = /^[ \t]*(?:([-+=])|(\d+)([.)]))/;

/** Escapes text inside a line so CommonMark reads it back as the same characters. */
function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, (char) => `\\${char}`);
}

/**
 * Makes the lines of an assembled block read as text: no indentation (four spaces open a code
 * block) and no list marker, setext underline or rule at their start. Our own inline syntax never
 * starts with those characters, so only the analyst's text is touched.
 */
function guardLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line.replace(LINE_START_SPECIAL, (_match, sign: string | undefined, digits: string, punct: string) =>
        sign === undefined ? `${digits}\\${punct}` : `\\${sign}`,
      ),
    )
    .map((line) => line.replace(/^[ \t]+/, ''))
    .join('\n');
}

/** Escapes a whole text (a title, a line) so CommonMark reads it back as the same characters. */
export function escapeMarkdown(text: string): string {
  return guardLineStarts(escapeInline(text));
}

export function writeBriefMarkdown(doc: BriefDocument): string {
  const parts = [`# ${escapeMarkdown(doc.meta.title)}`, escapeMarkdown(bylineOf(doc.meta, doc.language))];
  parts.push(...doc.blocks.map(blockMarkdown));
  if (doc.notes.length > 0)
    parts.push(
      doc.notes
        .map((note) => {
          const text = noteParts(note, doc.language)
            .map((part) => (part.style === 'title' ? emphasis(escapeInline(part.text), '*') : escapeInline(part.text)))
            .join('');
          // A note is one line: a quote's own line breaks become spaces.
          return `[^${note.number}]: ${text.replace(/\s*\n\s*/g, ' ')}`;
        })
        .join('\n'),
    );
  return `${parts.filter((part) => part.length > 0).join('\n\n')}\n`;
}

function blockMarkdown(block: BriefBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return lines(block.inlines);
    case 'heading':
      // The brief's title is the one `#`, so its own headings sit a level below; a heading is one line.
      return `${'#'.repeat(Math.min(block.level + 1, 6))} ${lines(block.inlines).replace(/\\?\n/g, ' ')}`;
    case 'quote':
      return prefixLines(lines(block.inlines), '> ', '> ');
    case 'list':
      return listMarkdown(block);
    case 'table':
      return tableMarkdown(block);
  }
}

function listMarkdown(list: BriefList): string {
  return list.items
    .map((item, i) => {
      const marker = list.ordered ? `${list.start + i}. ` : '- ';
      const indent = ' '.repeat(marker.length);
      // Nested lists sit at the item's content column: the item's own prefix indents them once.
      return prefixLines([lines(item.inlines), ...item.lists.map(listMarkdown)].join('\n'), marker, indent);
    })
    .join('\n');
}

function tableMarkdown(table: Extract<BriefBlock, { kind: 'table' }>): string {
  const width = Math.max(1, ...table.rows.map((row) => row.cells.length));
  const rows = table.rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const cell = row.cells[c];
      // A pipe table cell is one line: blocks and line breaks inside it become spaces.
      return cell
        ? cell.blocks
            .map(blockMarkdown)
            .join(' ')
            .replace(/\s*\n\s*/g, ' ')
        : '';
    }),
  );
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join('\n');
}

/** Prefixes the first line with `first` and every later one with `rest`. */
function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first : line.length > 0 ? rest : rest.trimEnd()) + line)
    .join('\n');
}

/** Inlines as the lines of one block. */
function lines(inlines: readonly BriefInline[]): string {
  return guardLineStarts(inlinesMarkdown(inlines));
}

function inlinesMarkdown(inlines: readonly BriefInline[]): string {
  return inlines.map(inlineMarkdown).join('');
}

function inlineMarkdown(inline: BriefInline): string {
  switch (inline.kind) {
    case 'text':
      return inline.marks.code ? codeSpan(inline.text, inline.marks) : marked(escapeInline(inline.text), inline.marks);
    case 'break':
      // A backslash at the end of a line is CommonMark's hard line break.
      return '\\\n';
    case 'link': {
      const text = inlinesMarkdown(inline.children);
      if (inline.url === null) return text;
      const url = inline.url.replace(/[<>\n]/g, (char) => encodeURIComponent(char));
      return `[${text}](<${url}>)`;
    }
    case 'citation': {
      const { number, citation } = inline.note;
      return `“${escapeInline(citation.quote)}”[^${number}]`;
    }
  }
}

function marked(text: string, marks: TextMarks): string {
  let out = text;
  if (marks.bold) out = emphasis(out, '**');
  if (marks.italic) out = emphasis(out, '*');
  if (marks.strikethrough) out = emphasis(out, '~~');
  if (marks.underline) out = `<u>${out}</u>`;
  return out;
}

/**
 * Wraps text in a delimiter run. Delimiters only count beside non-space characters (CommonMark's
 * flanking rule), so the text's own leading and trailing spaces go outside them.
 */
function emphasis(text: string, delimiter: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, before = '', core = '', after = ''] = match ?? [];
  return core.length === 0 ? text : `${before}${delimiter}${core}${delimiter}${after}`;
}

/** A code span fenced by more backticks than any run inside it; code spans hold text as it is. */
function codeSpan(text: string, marks: TextMarks): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return marked(`${fence}${padded.replace(/\n/g, ' ')}${fence}`, { ...marks, code: false });
}
