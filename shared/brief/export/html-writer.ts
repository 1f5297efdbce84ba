/**
 * A brief as one standalone HTML file: inline CSS, no script, no image, font or stylesheet from
 * elsewhere (a Content-Security-Policy meta says so to the browser that opens it), every text
 * escaped. Citations are the quote in `<q>` with a numbered link to its note at the end.
 */
import {
  briefWords,
  bylineOf,
  noteParts,
  type BriefBlock,
  type BriefDocument,
  type BriefInline,
  type BriefList,
  type TextMarks,
} from './brief-document';

const STYLE = `
body { font: 16px/1.6 "Noto Serif", Georgia, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
h1, h2, h3, h4, h5, h6 { font-family: "Noto Sans", Arial, sans-serif; line-height: 1.25; }
.byline { color: #57606a; font-size: 0.9rem; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid #d0d7de; color: #424a53; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; vertical-align: top; }
th p, td p { margin: 0; }
q.citation { background: #fff4e6; }
sup a { text-decoration: none; }
.footnotes { border-top: 1px solid #d0d7de; margin-top: 2rem; font-size: 0.9rem; }
.missing { color: #9a3412; }
`;

/** Escapes text for element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function writeBriefHtml(doc: BriefDocument): string {
  const words = briefWords(doc.language);
  const title = escapeHtml(doc.meta.title);
  const notes = doc.notes.map((note) => {
    const parts = noteParts(note, doc.language)
      .map((part) => {
        const text = escapeHtml(part.text);
        if (part.style === 'title') return `<cite>${text}</cite>`;
        return part.style === 'missing' ? `<span class="missing">${text}</span>` : text;
      })
      .join('');
    return `<li id="note-${note.number}">${parts} <a href="#cite-${note.number}">↩</a></li>`;
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Offline by construction: nothing may load but the inline style.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="author" content="${escapeHtml(doc.meta.author)}">`,
    `<meta name="dcterms.created" content="${escapeHtml(doc.meta.createdAt)}">`,
    `<meta name="dcterms.modified" content="${escapeHtml(doc.meta.updatedAt)}">`,
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${title}</h1>`,
    `<p class="byline">${escapeHtml(bylineOf(doc.meta, doc.language))}</p>`,
    '</header>',
    '<main>',
    ...doc.blocks.map(blockHtml),
    '</main>',
    ...(notes.length > 0
      ? [`<section class="footnotes"><h2>${escapeHtml(words.notes)}</h2>`, '<ol>', ...notes, '</ol>', '</section>']
      : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function blockHtml(block: BriefBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inlinesHtml(block.inlines)}</p>`;
    case 'heading':
      // The brief's title is the page's h1, so the brief's own levels sit one below, h6 stays h6.
      return `<h${Math.min(block.level + 1, 6)}>${inlinesHtml(block.inlines)}</h${Math.min(block.level + 1, 6)}>`;
    case 'quote':
      return `<blockquote><p>${inlinesHtml(block.inlines)}</p></blockquote>`;
    case 'list':
      return listHtml(block);
    case 'table':
      return `<table>${block.rows
        .map(
          (row) =>
            `<tr>${row.cells
              .map((cell) => {
                const tag = cell.header ? 'th' : 'td';
                return `<${tag}>${cell.blocks.map(blockHtml).join('')}</${tag}>`;
              })
              .join('')}</tr>`,
        )
        .join('\n')}</table>`;
  }
}

function listHtml(list: BriefList): string {
  const open = list.ordered ? (list.start === 1 ? '<ol>' : `<ol start="${list.start}">`) : '<ul>';
  const items = list.items.map((item) => `<li>${inlinesHtml(item.inlines)}${item.lists.map(listHtml).join('')}</li>`);
  return `${open}\n${items.join('\n')}\n${list.ordered ? '</ol>' : '</ul>'}`;
}

function inlinesHtml(inlines: readonly BriefInline[]): string {
  return inlines.map(inlineHtml).join('');
}

function inlineHtml(inline: BriefInline): string {
  switch (inline.kind) {
    case 'text':
      return marked(escapeHtml(inline.text), inline.marks);
    case 'break':
      return '<br>';
    case 'link':
      return inline.url === null
        ? inlinesHtml(inline.children)
        : `<a href="${escapeHtml(inline.url)}" rel="noreferrer noopener">${inlinesHtml(inline.children)}</a>`;
    case 'citation': {
      const { number, citation } = inline.note;
      return `<q class="citation" id="cite-${number}">${escapeHtml(citation.quote)}</q><sup><a href="#note-${number}">${number}</a></sup>`;
    }
  }
}

function marked(html: string, marks: TextMarks): string {
  let out = html;
  if (marks.code) out = `<code>${out}</code>`;
  if (marks.bold) out = `<strong>${out}</strong>`;
  if (marks.italic) out = `<em>${out}</em>`;
  if (marks.underline) out = `<u>${out}</u>`;
  if (marks.strikethrough) out = `<s>${out}</s>`;
  return out;
}
