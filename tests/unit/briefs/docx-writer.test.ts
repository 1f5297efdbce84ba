import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { writeBriefDocx } from '../../../electron/services/briefs/export/docx-writer';
import { tempDir } from '../../helpers/temp-workbench';
import { EDITED_QUOTE, HOSTILE, MISSING, ORPHANED, SAMPLE_META, sampleDocument } from './sample-brief';

/** Mammoth's defaults, plus the two styles the writer uses that mammoth does not map. */
const STYLE_MAP = ["p[style-name='Title'] => h1.title:fresh", "p[style-name='Quote'] => blockquote > p:fresh"];

async function readBack(bytes: Uint8Array): Promise<Document> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: STYLE_MAP });
  expect(result.messages.filter((message) => message.type === 'error')).toEqual([]);
  return new JSDOM(result.value).window.document;
}

/** LibreOffice on the PATH, when the machine has it. */
function soffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    for (const name of ['soffice', 'libreoffice']) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

describe('the brief as DOCX', async () => {
  const bytes = await writeBriefDocx(sampleDocument());
  const doc = await readBack(bytes);

  it('reads back (mammoth) with its title, headings, lists, quote and table', () => {
    expect(doc.querySelector('h1.title')?.textContent).toBe(SAMPLE_META.title);
    expect([...doc.querySelectorAll('h1:not(.title), h2')].map((h) => `${h.tagName}:${h.textContent}`)).toEqual([
      'H1:Năm nguy cơ chính',
      'H2:Trích dẫn',
    ]);
    expect(doc.querySelector('blockquote')?.textContent).toBe(HOSTILE);
    expect(doc.querySelector('ul > li > ol > li')?.textContent).toBe('Mục con một');
    expect([...doc.querySelectorAll('body > ol > li:not([id])')].map((li) => li.textContent)).toEqual([
      'Bước ba',
      'Bước bốn',
    ]);
    expect([...doc.querySelectorAll('table tr')].map((tr) => tr.textContent)).toEqual([
      'Nguy cơNguồn',
      expect.stringContaining(MISSING.quote),
    ]);
    expect(doc.querySelector('strong')?.textContent).toBe('đậm');
    expect(doc.querySelector('em')?.textContent).toBe('nghiêng');
    expect(doc.querySelector('a[href="https://example.org/bai"]')?.textContent).toBe('liên kết');
  });

  it('puts each citation’s quote in the text and a footnote naming article, source, date and offsets', () => {
    const body = doc.body.textContent ?? '';
    expect(body).toContain(`Theo bài báo, “${EDITED_QUOTE}”`);
    const notes = [...doc.querySelectorAll('li[id^="footnote-"]')].map((li) => li.textContent ?? '');
    expect(notes).toHaveLength(3);
    expect(notes[0]).toContain('Bộ Công an nêu 5 nguy cơ, VnExpress, 2024-03-05; RISK; code points 10–44.');
    expect(notes[1]).toContain(`“${ORPHANED.quote}”`);
    expect(notes[1]).toContain('The span was deleted from its article');
    expect(notes[2]).toContain('source not recorded, undated; RISK; UTF-16 units, as saved 5–27.');
    expect(notes[2]).toContain('The article (no. 2) was deleted');
  });

  it('carries title and author in the document properties', () => {
    const core = strFromU8(unzipSync(bytes)['docProps/core.xml']!);
    expect(core).toContain('<dc:title>Báo cáo: nguy cơ 2019–2024 &lt;b&gt;</dc:title>');
    expect(core).toContain('<dc:creator>Nguyễn Lan</dc:creator>');
    const custom = strFromU8(unzipSync(bytes)['docProps/custom.xml']!);
    expect(custom).toContain(SAMPLE_META.updatedAt);
  });

  it('opens in LibreOffice (converted to text), when LibreOffice is installed', (context) => {
    const binary = soffice();
    // This machine may have no LibreOffice; the mammoth read-back above still checks the OOXML.
    if (!binary) return context.skip('soffice is not installed on this machine');
    const { dir, dispose } = tempDir();
    try {
      writeFileSync(join(dir, 'brief.docx'), bytes);
      execFileSync(binary, ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, join(dir, 'brief.docx')], {
        timeout: 120_000,
      });
      expect(readFileSync(join(dir, 'brief.txt'), 'utf8')).toContain(EDITED_QUOTE);
    } finally {
      dispose();
    }
  });
});
