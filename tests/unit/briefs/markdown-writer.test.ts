import { JSDOM } from 'jsdom';
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildBriefDocument } from '../../../shared/brief/export/brief-document';
import { escapeMarkdown, writeBriefMarkdown } from '../../../shared/brief/export/markdown-writer';
import { editorState, list, listItem, nestedItem, paragraph, text } from './lexical-fixtures';
import { EDITED_QUOTE, HOSTILE, SAMPLE_META, sampleDocument } from './sample-brief';

/** marked (the project's Markdown parser) reads CommonMark + GFM tables; footnotes it leaves as text. */
function html(markdown: string): Document {
  return new JSDOM(marked.parse(markdown, { async: false })).window.document;
}

describe('the brief as Markdown', () => {
  const markdown = writeBriefMarkdown(sampleDocument());
  const tokens = marked.lexer(markdown);
  const doc = html(markdown);

  it('reads back as the same headings, nested lists, quote and table', () => {
    const headings = tokens.filter((token): token is Tokens.Heading => token.type === 'heading');
    expect(headings.map((heading) => [heading.depth, heading.text])).toEqual([
      [1, escapeMarkdown(SAMPLE_META.title)],
      [2, 'Năm nguy cơ chính'],
      [3, 'Trích dẫn'],
    ]);
    expect(doc.querySelector('h1')?.textContent).toBe(SAMPLE_META.title);
    expect(doc.querySelector('ul > li > ol > li')?.textContent).toBe('Mục con một');
    expect(doc.querySelector('ol[start="3"] > li')?.textContent).toBe('Bước ba');
    expect(doc.querySelector('blockquote')?.textContent?.trim()).toBe(HOSTILE);
    expect([...doc.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Nguy cơ', 'Nguồn']);
    expect(doc.querySelector('strong')?.textContent).toBe('đậm');
    expect(doc.querySelector('em')?.textContent).toBe('nghiêng');
    expect(doc.querySelector('code')?.textContent).toBe('mã');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://example.org/bai');
  });

  it('quote_with_markdown_syntax_stays_text: no html, emphasis or footnote made of the analyst’s words', () => {
    const walk = (list: Token[]): Token[] =>
      list.flatMap((token) => [
        token,
        ...walk((token as { tokens?: Token[] }).tokens ?? []),
        ...walk(((token as { items?: Token[] }).items ?? []) as Token[]),
      ]);
    const all = walk(tokens);
    // The only raw HTML is the writer's own underline.
    const rawHtml = all.filter((token) => token.type === 'html').map((token) => token.raw);
    expect(rawHtml).toEqual(['<u>', '</u>']);
    expect(doc.querySelector('u')?.textContent).toBe('gạch dưới');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.body.textContent).toContain('*not bold*');
    expect(doc.body.textContent).toContain('[^9]');
  });

  it('cites as footnotes [^n] defined at the end, one line each, naming what is missing', () => {
    expect(markdown).toContain(`“${EDITED_QUOTE}”[^1]`);
    const definitions = markdown.split('\n').filter((line) => /^\[\^\d+\]: /.test(line));
    expect(definitions).toHaveLength(3);
    expect(definitions[0]).toContain('*Bộ Công an nêu 5 nguy cơ*, VnExpress, 2024-03-05; RISK; code points 10–44.');
    expect(definitions[1]).toContain('The span was deleted');
    expect(definitions[2]).toContain('The article (no. 2) was deleted');
  });

  it('line_starting_with_a_list_marker_stays_a_paragraph', () => {
    const written = writeBriefMarkdown(
      buildBriefDocument(
        SAMPLE_META,
        editorState(
          paragraph(text('- không phải danh sách')),
          paragraph(text('2019. năm')),
          paragraph(text('    thụt lề')),
        ),
        new Map(),
        'vi',
      ),
    );
    const parsed = html(written);
    expect(parsed.querySelectorAll('ul, ol, pre')).toHaveLength(0);
    expect([...parsed.querySelectorAll('p')].slice(1).map((p) => p.textContent)).toEqual([
      '- không phải danh sách',
      '2019. năm',
      'thụt lề',
    ]);
  });

  it('list_nested_under_item_ten_is_not_a_code_block', () => {
    const deep = list('bullet', [listItem(text('ba')), nestedItem(list('bullet', [listItem(text('bốn'))]))]);
    const written = writeBriefMarkdown(
      buildBriefDocument(
        SAMPLE_META,
        editorState(
          list(
            'number',
            [listItem(text('mười')), nestedItem(list('number', [listItem(text('hai')), nestedItem(deep)]))],
            10,
          ),
        ),
        new Map(),
        'vi',
      ),
    );
    const parsed = html(written);
    expect(parsed.querySelectorAll('pre, code')).toHaveLength(0);
    expect(parsed.querySelector('ol[start="10"] > li > ol > li > ul > li > ul > li')?.textContent).toBe('bốn');
  });
});
