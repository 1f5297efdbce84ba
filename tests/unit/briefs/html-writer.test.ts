import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { writeBriefHtml } from '../../../shared/brief/export/html-writer';
import { EDITED_QUOTE, HOSTILE, MISSING, ORPHANED, SAMPLE_META, sampleDocument } from './sample-brief';

function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

describe('the brief as HTML', () => {
  const html = writeBriefHtml(sampleDocument());
  const doc = parse(html);

  it('is one offline file: no script, no resource from elsewhere, a CSP that allows only its own style', () => {
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed')).toHaveLength(0);
    expect(doc.querySelectorAll('[src]')).toHaveLength(0);
    expect(html).not.toMatch(/url\(|@import/);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    // The only outside address is the analyst's own link; the javascript: one lost its href.
    const hrefs = [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(hrefs.filter((href) => !href?.startsWith('#'))).toEqual(['https://example.org/bai']);
    expect(doc.body.textContent).toContain('liên kết xấu');
  });

  it('quote_with_script_tag_is_written_as_text_not_markup', () => {
    expect(doc.querySelector('blockquote')?.textContent).toBe(HOSTILE);
    expect(doc.title).toBe(SAMPLE_META.title);
    expect(doc.querySelector('h1')?.textContent).toBe(SAMPLE_META.title);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
  });

  it('has headings one below the title, lists nested, a table and formatted text', () => {
    expect([...doc.querySelectorAll('main h2, main h3')].map((h) => `${h.tagName}:${h.textContent}`)).toEqual([
      'H2:Năm nguy cơ chính',
      'H3:Trích dẫn',
    ]);
    expect(doc.querySelector('main ul > li > ol > li')?.textContent).toBe('Mục con một');
    expect(doc.querySelector('main ol[start="3"]')?.textContent).toContain('Bước ba');
    expect([...doc.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Nguy cơ', 'Nguồn']);
    expect(doc.querySelector('strong')?.textContent).toBe('đậm');
    expect(doc.querySelector('em')?.textContent).toBe('nghiêng');
    expect(doc.querySelector('u')?.textContent).toBe('gạch dưới');
    expect(doc.querySelector('code')?.textContent).toBe('mã');
    expect(doc.querySelectorAll('main br')).toHaveLength(1);
  });

  it('links each citation to its note, which names the article and says what is missing', () => {
    const quotes = [...doc.querySelectorAll('q.citation')].map((q) => q.textContent);
    expect(quotes).toEqual([EDITED_QUOTE, ORPHANED.quote, MISSING.quote]);
    const notes = [...doc.querySelectorAll('.footnotes li')];
    expect(notes.map((li) => li.id)).toEqual(['note-1', 'note-2', 'note-3']);
    expect(doc.querySelector('sup a[href="#note-2"]')).not.toBeNull();
    expect(notes[0]?.querySelector('cite')?.textContent).toBe('Bộ Công an nêu 5 nguy cơ');
    expect(notes[0]?.textContent).toContain('VnExpress, 2024-03-05; RISK; code points 10–44.');
    expect(notes[1]?.querySelector('.missing')?.textContent).toContain('span was deleted');
    expect(notes[2]?.querySelector('.missing')?.textContent).toContain('article (no. 2) was deleted');
  });
});
