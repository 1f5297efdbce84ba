/**
 * Regression tests for the import defects of issue 9 part 2 and issue 10 part 2, each named
 * after the defect it fixes. Real files, real SQLite, and every write is read back.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import type { ImportFileResult } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import { ExportOptionsSchema } from '../../../shared/contract/exports';
import { createArticleHandlers } from '../../../electron/services/api/article-handlers';
import { exportToFile } from '../../../electron/services/export/export-service';
import { importFile } from '../../../electron/services/import/import-service';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/limits';
import { runImport, type ImportEvent } from '../../../electron/services/import/run-import';
import type { Workbench } from '../../../electron/services/workbench';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, annotate } from '../export/fixtures';
import { VIETNAMESE_ARTICLE, writeFiles } from './helpers/fixtures';
import { docx } from './helpers/zip';

// jsdom and mammoth load lazily and take seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const workbench = useTempWorkbenches();

const importOne = (wb: Workbench, name: string, content: string | Uint8Array) =>
  importFile(wb, { name, bytes: typeof content === 'string' ? Buffer.from(content) : content });

function imported(result: ImportFileResult | undefined) {
  if (result?.outcome !== 'imported') throw new Error(`expected an import, got ${JSON.stringify(result)}`);
  return result;
}

/** Runs a whole import request and returns every file result, as the CLI and the UI see them. */
async function runAll(wb: Workbench, source: Parameters<typeof runImport>[1]) {
  const results: ImportFileResult[] = [];
  const files: string[] = [];
  const state = await runImport(
    wb,
    source,
    {
      emit: (event: ImportEvent) => {
        if (event.type === 'results') results.push(...event.results);
        if (event.type === 'file') files.push(event.name);
      },
      signal: new AbortController().signal,
    },
    { limits: DEFAULT_IMPORT_LIMITS },
  );
  return { state, results, files };
}

const upload = (name: string, content: string | Uint8Array) => ({
  name,
  dataBase64: Buffer.from(typeof content === 'string' ? Buffer.from(content) : content).toString('base64'),
});

const BODY =
  'Sáng 10/1, tại Hà Nội, Bộ Công an tổ chức hội nghị tổng kết công tác đối ngoại và hợp tác quốc tế năm 2023, với sự tham dự của đại diện nhiều cơ quan.';
const SECOND =
  'Thứ trưởng nhấn mạnh yêu cầu tiếp tục mở rộng hợp tác an ninh với các nước trong khu vực và trên thế giới.';

describe('issue 9 part 2: import defects', () => {
  it('Markdown kept its markup (# Title, **Hà An**) and the byline was not found', async () => {
    const wb = workbench();
    const markdown = `# Bộ Công an tổng kết năm\n\n${BODY}\n\n*${SECOND}*\n\n**Hà An**\n`;
    const { articleId, notes } = imported((await importOne(wb, 'bai.md', markdown))[0]);
    const article = wb.articles.get(articleId);
    expect(article.text).toBe(`Bộ Công an tổng kết năm\n\n${BODY}\n\n${SECOND}\n\nHà An`);
    expect(article).toMatchObject({ title: 'Bộ Công an tổng kết năm', byline: 'Hà An' });
    expect(notes).toContain('Markdown markup stripped to plain text.');
  });

  it('JSONL with spans dropped every span without a word: the app’s own export re-imported gives the articles and the spans', async () => {
    const from = workbench();
    const id = addArticle(from, `${BODY}\n\n${SECOND}`, 'Bài một');
    annotate(from, id, 'ORG', 'Bộ Công an');
    annotate(from, id, 'LOC', 'Hà Nội');
    const path = join(from.dir, 'out.jsonl');
    const options = ExportOptionsSchema.parse({ scope: { kind: 'all' }, labelKeys: null, format: 'jsonl' });
    await exportToFile(from, options, path, { appVersion: 'test' });

    const to = workbench();
    const { readFileSync } = await import('node:fs');
    const [result] = await importOne(to, 'out.jsonl', readFileSync(path));
    const { notes, articleId } = imported(result);
    expect(notes).toContainEqual(expect.stringContaining('Marginalia JSONL: 2 of 2 spans read.'));
    expect(to.articles.get(articleId).text).toBe(`${BODY}\n\n${SECOND}`);
    expect(
      to.annotationRows
        .listForArticle(articleId)
        .sort((a, b) => a.quote.localeCompare(b.quote))
        .map((span) => [span.labelKey, span.quote, span.origin]),
    ).toEqual([
      ['ORG', 'Bộ Công an', 'import'],
      ['LOC', 'Hà Nội', 'import'],
    ]);
  });

  it('HTML never read the URL (canonical, og:url); what Readability dropped is kept and restorable', async () => {
    const wb = workbench();
    const paragraphs = [BODY, SECOND, `${BODY} Đoạn ba.`, `${SECOND} Đoạn bốn.`].map((p) => `<p>${p}</p>`).join('');
    const page = (head: string) =>
      `<!doctype html><html><head><meta charset="utf-8"><title>Hội nghị đối ngoại</title>${head}</head><body>
      <nav><a href="/">Trang chủ</a> <a href="/x">Chuyên mục Thời sự</a></nav>
      <article><h1>Hội nghị đối ngoại</h1>${paragraphs}</article><footer>Liên hệ quảng cáo</footer></body></html>`;
    const canonical = imported(
      (
        await importOne(
          wb,
          'a.html',
          page(
            '<link rel="canonical" href="https://bao.vn/hoi-nghi.html"><meta property="og:url" content="https://bao.vn/og">',
          ),
        )
      )[0],
    );
    const article = wb.articles.get(canonical.articleId);
    expect(article.url).toBe('https://bao.vn/hoi-nghi.html');
    expect(article.text).not.toContain('Trang chủ');
    expect(article.trimmedText).toContain('Chuyên mục Thời sự');
    expect(canonical.notes).toContainEqual(expect.stringContaining('Page text Readability left out'));
    const restored = wb.articles.restoreTrimmed(canonical.articleId);
    expect(restored.text).toContain('Liên hệ quảng cáo');
    expect(wb.articles.get(canonical.articleId).text.startsWith(article.text)).toBe(true);

    const other = workbench();
    const og = imported(
      (await importOne(other, 'b.html', page('<meta property="og:url" content="https://bao.vn/og">')))[0],
    );
    expect(other.articles.get(og.articleId).url).toBe('https://bao.vn/og');
  });

  it('UTF-16 without a BOM was refused as "binary"', async () => {
    const wb = workbench();
    const { articleId, notes } = imported(
      (await importOne(wb, 'u16.txt', iconv.encode(VIETNAMESE_ARTICLE, 'utf-16le')))[0],
    );
    expect(wb.articles.get(articleId).text).toBe(VIETNAMESE_ARTICLE);
    expect(notes).toContain('Encoding: UTF-16 LE (no BOM).');
  });

  it('legacy encodings were only flagged: a TCVN3 file is converted and the report shows a line to check', async () => {
    const wb = workbench();
    const tcvn3 =
      'Bé C«ng an tæng kÕt c«ng t¸c ®èi ngo¹i n¨m 2023\n\nS¸ng 10/1, t¹i Hµ Néi, Bé C«ng an tæ chøc héi nghÞ.';
    const { articleId, notes } = imported((await importOne(wb, 'cu.txt', iconv.encode(tcvn3, 'windows-1252')))[0]);
    expect(wb.articles.get(articleId).text).toBe(
      'Bộ Công an tổng kết công tác đối ngoại năm 2023\n\nSáng 10/1, tại Hà Nội, Bộ Công an tổ chức hội nghị.',
    );
    expect(notes).toContainEqual(
      expect.stringContaining(
        'Converted from TCVN3 to Unicode. Check the text: “Bộ Công an tổng kết công tác đối ngoại năm 2023”',
      ),
    );
  });

  it('"Published" in Edit details stored any text ("hôm qua"): it must be an ISO or partial date', () => {
    const wb = workbench();
    const id = addArticle(wb, BODY);
    const handlers = createArticleHandlers(wb, { kind: 'browser', appVersion: 'test' });
    const attempt = () => handlers.updateArticleMetadata({ id, patch: { publishedAt: 'hôm qua' } });
    expect(attempt).toThrow(ApiError);
    expect(attempt).toThrow(/Published: “hôm qua” is not a date; write it as a date: 2024-03-05/);
    expect(() => handlers.updateArticleMetadata({ id, patch: { publishedAt: '2024-02-30' } })).toThrow(
      /not a real date/,
    );
    expect(wb.articles.get(id).publishedAt).toBe('2026-01-10');
    for (const value of ['2024-03-05', '2024-03-05T14:45+07:00', '2024-03', '2024', '--02-26']) {
      handlers.updateArticleMetadata({ id, patch: { publishedAt: value } });
      expect(wb.articles.get(id).publishedAt).toBe(value);
    }
    handlers.updateArticleMetadata({ id, patch: { publishedAt: null } });
    expect(wb.articles.get(id).publishedAt).toBeNull();
  });

  it('duplicates across formats: the same article as .md, .html and .docx is flagged as a probable duplicate', async () => {
    const wb = workbench();
    const { results } = await runAll(wb, {
      kind: 'uploads',
      files: [
        upload('bai.md', `# Hội nghị\n\n**${BODY}**\n\n${SECOND}\n`),
        upload(
          'bai.html',
          `<html><head><title>Hội nghị</title></head><body><h1>Hội nghị</h1><p>${BODY}</p><p>${SECOND}</p></body></html>`,
        ),
        upload('bai.docx', docx(['Hội nghị', BODY, SECOND, 'Hà An'])),
      ],
    });
    const [md, html, word] = results.map(imported);
    expect(md?.probableDuplicateOf).toBeUndefined();
    expect(html?.probableDuplicateOf).toBe(md?.articleId);
    expect(word?.probableDuplicateOf).toBe(md?.articleId);
    expect(word?.notes).toContainEqual(expect.stringContaining(`Probable duplicate of article ${md?.articleId}`));
    expect(wb.articles.list()).toHaveLength(3);
  });
});

describe('issue 10 part 2: imports that crash or hang', () => {
  it('HTML nested 100,000 deep aborted the whole batch without naming the file', async () => {
    const wb = workbench();
    const deep = `<html><body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`;
    const { state, results } = await runAll(wb, {
      kind: 'uploads',
      files: [upload('deep.html', deep), upload('ok.txt', VIETNAMESE_ARTICLE)],
    });
    expect(state).toBe('done');
    expect(results[0]).toEqual({
      outcome: 'skipped',
      file: 'deep.html',
      reason: expect.stringContaining('nested too deeply'),
    });
    expect(results[1]).toMatchObject({ outcome: 'imported', file: 'ok.txt' });
    expect(wb.articles.list()).toHaveLength(1);
  });

  it('a .docx zip bomb bypassed the size limit: the inflated size is checked before inflating', async () => {
    const wb = workbench();
    const parts = unzipSync(new Uint8Array(docx(['x'])));
    const huge = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${'a'.repeat(30 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`;
    const bomb = zipSync({ ...parts, 'word/document.xml': strToU8(huge) }, { level: 9 });
    expect(bomb.length).toBeLessThan(DEFAULT_IMPORT_LIMITS.maxFileBytes / 100);
    expect(await importOne(wb, 'bomb.docx', bomb)).toEqual([
      {
        outcome: 'skipped',
        file: 'bomb.docx',
        reason: expect.stringMatching(/^The document inflates to 30(\.\d)? MB, past the 20 MB limit/),
      },
    ]);
    expect(wb.articles.list()).toHaveLength(0);
  });

  it('a self-referencing symlink aborted the whole folder import; dangling links were not reported', async () => {
    const wb = workbench();
    const folder = join(wb.dir, 'in');
    mkdirSync(folder);
    writeFiles(folder, { 'a.txt': VIETNAMESE_ARTICLE });
    symlinkSync(join(folder, 'loop.txt'), join(folder, 'loop.txt'));
    symlinkSync(join(folder, 'missing.txt'), join(folder, 'gone.txt'));
    const { state, results } = await runAll(wb, { kind: 'paths', paths: [folder] });
    expect(state).toBe('done');
    expect(results).toEqual([
      expect.objectContaining({ outcome: 'imported', file: join('in', 'a.txt') }),
      { outcome: 'skipped', file: join('in', 'gone.txt'), reason: expect.stringContaining('Dangling symbolic link') },
      { outcome: 'skipped', file: join('in', 'loop.txt'), reason: expect.stringContaining('symbolic link loop') },
    ]);
  });

  it('"column NaN" for deeply nested malformed JSON: it says "nested too deeply"', async () => {
    const wb = workbench();
    const [result] = await importOne(wb, 'deep.json', '['.repeat(100_000));
    expect(result).toEqual({
      outcome: 'skipped',
      file: 'deep.json',
      reason: expect.stringMatching(/^Malformed JSON nested too deeply \(more than 5,000 levels\)/),
    });
    expect(JSON.stringify(result)).not.toContain('NaN');
    const [shallow] = await importOne(wb, 'bad.json', '[[[{"text": }]]]');
    expect(shallow).toMatchObject({ reason: expect.stringMatching(/^Malformed JSON at line 1, column 13/) });
  });

  it('invalid base64 was reported as "The file is empty": it says "not valid base64"', async () => {
    const wb = workbench();
    const { results } = await runAll(wb, {
      kind: 'uploads',
      files: [{ name: 'x.txt', dataBase64: '%%%not base64%%%' }],
    });
    expect(results).toEqual([
      {
        outcome: 'skipped',
        file: 'x.txt',
        reason: 'The upload is not valid base64.',
        reasonRef: { key: 'fileNotBase64', params: {} },
      },
    ]);
  });

  it('control and bidi characters were printed raw in file names (a newline could forge a report line)', async () => {
    const wb = workbench();
    const { results, files } = await runAll(wb, {
      kind: 'uploads',
      files: [upload('a.txt\nimported    forged.txt', VIETNAMESE_ARTICLE), upload('\u202Etxt.exe', '')],
    });
    expect(files).toEqual(['a.txt\\u{000A}imported    forged.txt', '\\u{202E}txt.exe']);
    expect(results.map((result) => result.file)).toEqual(['a.txt\\u{000A}imported    forged.txt', '\\u{202E}txt.exe']);
    expect(results.every((result) => !/[\n\u202e]/.test(result.file))).toBe(true);
  });
});
