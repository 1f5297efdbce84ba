import iconv from 'iconv-lite';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportFileResult } from '../../../shared/contract';
import { importFile, importFilePath } from '../../../electron/services/import/import-service';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/limits';
import { collectFiles, TooManyFilesError } from '../../../electron/services/import/walk';
import { openTempWorkbench } from '../../helpers/temp-workbench';
import { docx } from './helpers/zip';
import { PNG_HEADER, VIETNAMESE_ARTICLE, windows1258, writeFiles } from './helpers/fixtures';

// jsdom and mammoth load lazily and take seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

type TempWorkbench = ReturnType<typeof openTempWorkbench>;
const open: TempWorkbench[] = [];
afterEach(() => open.splice(0).forEach((workbench) => workbench.dispose()));
function workbench(): TempWorkbench {
  const opened = openTempWorkbench();
  open.push(opened);
  return opened;
}

async function importOne(wb: TempWorkbench, name: string, content: string | Uint8Array): Promise<ImportFileResult[]> {
  writeFiles(wb.dir, { [name]: content });
  return importFilePath(wb, join(wb.dir, name), { limits: DEFAULT_IMPORT_LIMITS }, name);
}

function imported(result: ImportFileResult | undefined): Extract<ImportFileResult, { outcome: 'imported' }> {
  if (result?.outcome !== 'imported') throw new Error(`expected an import, got ${JSON.stringify(result)}`);
  return result;
}

describe('text files', () => {
  it('composes NFD to NFC, keeps the raw text, and says so in the notes', async () => {
    const wb = workbench();
    const [result] = await importOne(wb, 'nfd.txt', VIETNAMESE_ARTICLE.normalize('NFD'));
    const { articleId, title, notes } = imported(result);
    expect(title).toBe('Bộ Công an tổng kết công tác đối ngoại năm 2023');
    const decomposedMarks = VIETNAMESE_ARTICLE.normalize('NFD').length - VIETNAMESE_ARTICLE.length;
    expect(notes).toEqual(['Encoding: UTF-8.', `Canonical text: NFD → NFC: ${decomposedMarks} characters.`]);
    expect(wb.articles.get(articleId).text).toBe(VIETNAMESE_ARTICLE);
    const raw = wb.db.prepare('SELECT raw_text FROM articles WHERE id = ?').pluck().get(articleId);
    expect(raw).toBe(VIETNAMESE_ARTICLE.normalize('NFD'));
  });

  it('reads CRLF + BOM, counting the newlines it turned into LF', async () => {
    const wb = workbench();
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(VIETNAMESE_ARTICLE.replace(/\n/g, '\r\n'), 'utf8'),
    ]);
    const { articleId, notes } = imported((await importOne(wb, 'crlf.txt', bytes))[0]);
    expect(notes).toEqual(['Encoding: UTF-8 (with BOM).', 'Canonical text: CRLF → LF: 4 lines.']);
    expect(wb.articles.get(articleId).text).toBe(VIETNAMESE_ARTICLE);
  });

  it('imports UTF-16 LE and Windows-1258 files', async () => {
    const wb = workbench();
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(`${VIETNAMESE_ARTICLE}\n\nBài một.`, 'utf-16le'),
    ]);
    expect(imported((await importOne(wb, 'utf16.md', utf16))[0]).notes).toContain('Encoding: UTF-16 LE.');
    const cp1258 = imported((await importOne(wb, 'cp1258.txt', windows1258(`${VIETNAMESE_ARTICLE}\n\nBài hai.`)))[0]);
    expect(cp1258.notes[0]).toBe('Encoding: Windows-1258.');
    expect(wb.articles.get(cp1258.articleId).text).toBe(`${VIETNAMESE_ARTICLE}\n\nBài hai.`);
  });

  it('skips invalid UTF-8, binaries and empty files with plain reasons', async () => {
    const wb = workbench();
    const broken = Buffer.concat([Buffer.from('Hà Nội '), Buffer.from([0xff]), Buffer.from(' Bộ Công an')]);
    expect(await importOne(wb, 'broken.txt', broken)).toEqual([
      {
        outcome: 'skipped',
        file: 'broken.txt',
        reason: expect.stringContaining('Invalid UTF-8 at byte 10 (0xFF)'),
        reasonRef: expect.objectContaining({ key: 'fileInvalidUtf8' }),
      },
    ]);
    expect(await importOne(wb, 'photo.txt', PNG_HEADER)).toEqual([
      {
        outcome: 'skipped',
        file: 'photo.txt',
        reason: 'This is a PNG image, not text.',
        reasonRef: expect.objectContaining({ key: 'fileBinary' }),
      },
    ]);
    expect(await importOne(wb, 'empty.txt', '')).toEqual([
      {
        outcome: 'skipped',
        file: 'empty.txt',
        reason: 'The file is empty.',
        reasonRef: expect.objectContaining({ key: 'fileEmpty' }),
      },
    ]);
    expect(await importOne(wb, 'notes.pdf', '%PDF-1.4')).toEqual([
      {
        outcome: 'skipped',
        file: 'notes.pdf',
        reason: expect.stringContaining('Unsupported file type ".pdf"'),
        reasonRef: expect.objectContaining({ key: 'importUnsupportedType' }),
      },
    ]);
    expect(wb.articles.list()).toHaveLength(0);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const wb = workbench();
    writeFiles(wb.dir, { 'big.txt': 'a'.repeat(2048) });
    const results = await importFilePath(
      wb,
      join(wb.dir, 'big.txt'),
      { limits: { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 1024 } },
      'big.txt',
    );
    expect(results).toEqual([
      {
        outcome: 'skipped',
        file: 'big.txt',
        reason: 'The file is 2 KB; the limit is 1 KB.',
        reasonRef: { key: 'fileTooLarge', params: { size: '2 KB', limit: '1 KB' } },
      },
    ]);
  });
});

describe('formats', () => {
  it('CSV: header convention, quoted newlines, one article per row', async () => {
    const wb = workbench();
    const csv = [
      'title,text,source,url,date',
      '"Tin một","Đoạn đầu.\r\n\r\nĐoạn ""hai"", có dấu phẩy.",Báo A,https://a.example/1,10/01/2023',
      'Tin hai,Chỉ một đoạn.,,,2023-02-03',
      'Không có nội dung,,,,',
    ].join('\r\n');
    const results = await importOne(wb, 'tin.csv', csv);
    expect(results.map((result) => [result.outcome, result.file])).toEqual([
      ['imported', 'tin.csv (row 2)'],
      ['imported', 'tin.csv (row 3)'],
      ['skipped', 'tin.csv (row 4)'],
    ]);
    const first = wb.articles.get(imported(results[0]).articleId);
    expect(first).toMatchObject({
      title: 'Tin một',
      text: 'Đoạn đầu.\n\nĐoạn "hai", có dấu phẩy.',
      source: 'Báo A',
      url: 'https://a.example/1',
      publishedAt: '2023-01-10',
    });
    expect(wb.articles.get(imported(results[1]).articleId).publishedAt).toBe('2023-02-03');
  });

  it('CSV without a text column is skipped, naming the convention', async () => {
    const wb = workbench();
    expect(await importOne(wb, 'bad.csv', 'name,body2\nx,y\n')).toEqual([
      {
        outcome: 'skipped',
        file: 'bad.csv',
        reason: 'The CSV has no "text" column. Expected a header row: title, text, source, url, date (or published).',
        reasonRef: expect.objectContaining({ key: 'csvNoTextColumn' }),
      },
    ]);
  });

  it('JSON array and JSONL records; malformed JSON is skipped naming the line', async () => {
    const wb = workbench();
    const array = JSON.stringify([
      { title: 'A', text: 'Văn bản A.' },
      { text: 'Văn bản B.', published: '2024-05-01T08:00' },
    ]);
    expect((await importOne(wb, 'a.json', array)).map((r) => r.outcome)).toEqual(['imported', 'imported']);
    expect(await importOne(wb, 'bad.json', '[\n  {"text": "x"},\n  {"text": }\n]')).toEqual([
      {
        outcome: 'skipped',
        file: 'bad.json',
        reason: expect.stringMatching(/^Malformed JSON at line 3, column 12/),
        reasonRef: expect.objectContaining({ key: 'jsonMalformedAt' }),
      },
    ]);
    const lines = '{"text": "Dòng C."}\n{"text": oops}\n\n{"title": "D", "text": "Dòng D."}\n';
    expect((await importOne(wb, 'c.jsonl', lines)).map((r) => [r.outcome, r.file])).toEqual([
      ['imported', 'c.jsonl (line 1)'],
      ['imported', 'c.jsonl (line 4)'],
      ['skipped', 'c.jsonl (line 2)'],
    ]);
  });

  it('routes the workbench export format to the export module', async () => {
    const wb = workbench();
    const [result] = await importOne(
      wb,
      'export.json',
      JSON.stringify({ format: 'marginalia-workbench', version: 999 }),
    );
    expect(result).toMatchObject({
      outcome: 'skipped',
      reason: expect.stringContaining('export.json is not a valid Marginalia workbench export'),
    });
  });

  it('HTML: Readability keeps the article, its paragraphs and metadata, not the navigation', async () => {
    const wb = workbench();
    const paragraph = (n: number): string =>
      `<p>Đoạn ${n}: Bộ Công an và Bộ Ngoại giao phối hợp chặt chẽ trong công tác đối ngoại, hợp tác quốc tế về an ninh, bảo vệ công dân ở nước ngoài.</p>`;
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>Hợp tác an ninh giữa hai bộ trong năm mới | Báo A</title>
      <meta property="og:site_name" content="Báo A"></head><body>
      <nav><a href="/">Trang chủ</a> <a href="/x">Thời sự</a></nav>
      <article><h1>Hợp tác an ninh giữa hai bộ trong năm mới</h1>${[1, 2, 3, 4, 5].map(paragraph).join('')}</article>
      <footer>© Báo A</footer></body></html>`;
    const { articleId, notes } = imported((await importOne(wb, 'page.html', html))[0]);
    const article = wb.articles.get(articleId);
    expect(article.title).toBe('Hợp tác an ninh giữa hai bộ trong năm mới');
    expect(article.source).toBe('Báo A');
    expect(article.text).toContain('Đoạn 1: Bộ Công an');
    expect(article.text).toContain('ở nước ngoài.\n\nĐoạn 2:');
    expect(article.text).not.toContain('Trang chủ');
    expect(notes).toContain('Article body extracted with Readability.');
  });

  it('DOCX: paragraphs through mammoth; a broken .docx is skipped', async () => {
    const wb = workbench();
    const { articleId } = imported(
      (await importOne(wb, 'memo.docx', docx(['Tiêu đề văn bản', 'Đoạn thứ nhất của văn bản.'])))[0],
    );
    expect(wb.articles.get(articleId)).toMatchObject({
      title: 'Tiêu đề văn bản',
      text: 'Tiêu đề văn bản\n\nĐoạn thứ nhất của văn bản.',
    });
    expect(await importOne(wb, 'fake.docx', 'not a zip')).toEqual([
      {
        outcome: 'skipped',
        file: 'fake.docx',
        reason: expect.stringContaining('Not a readable Word (.docx) document'),
        reasonRef: expect.objectContaining({ key: 'docxNotZip' }),
      },
    ]);
  });
});

describe('safety', () => {
  it('finds duplicates by canonical text, naming the article duplicated', async () => {
    const wb = workbench();
    const first = imported((await importOne(wb, 'one.txt', VIETNAMESE_ARTICLE))[0]);
    const [again] = await importOne(wb, 'two.txt', `${VIETNAMESE_ARTICLE.normalize('NFD').replace(/\n/g, '\r\n')}`);
    expect(again).toEqual({
      outcome: 'duplicate',
      file: 'two.txt',
      articleId: first.articleId,
      title: 'Bộ Công an tổng kết công tác đối ngoại năm 2023',
      notes: [`Same canonical text as article ${first.articleId}, “Bộ Công an tổng kết công tác đối ngoại năm 2023”.`],
      noteRefs: [
        {
          key: 'noteSameText',
          params: { id: first.articleId, title: 'Bộ Công an tổng kết công tác đối ngoại năm 2023' },
        },
      ],
    });
  });

  it('a file that fails halfway leaves nothing behind, and the next file still imports', async () => {
    const wb = workbench();
    // A store failure on the second row, as a full disk or a constraint would cause.
    wb.db.exec(`CREATE TEMP TRIGGER fail_second_row BEFORE INSERT ON articles WHEN NEW.title = 'B'
      BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`);
    const results = await importOne(wb, 'half.csv', 'title,text\nA,Văn bản A.\nB,Văn bản B.\n');
    expect(results).toEqual([
      {
        outcome: 'skipped',
        file: 'half.csv',
        reason: 'Nothing of this file was imported: simulated write failure',
        reasonRef: { key: 'fileNotImported', params: { detail: 'simulated write failure' } },
      },
    ]);
    expect(wb.articles.list()).toHaveLength(0);
    expect((await importOne(wb, 'next.txt', VIETNAMESE_ARTICLE))[0]?.outcome).toBe('imported');
  });

  it('restoring trimmed chrome appends it back exactly', async () => {
    const wb = workbench();
    const full = `${VIETNAMESE_ARTICLE}\n\nHà An\n\nPhản hồi\n\nCác tin khác\n\n©2024 Bản quyền thuộc về Báo A.`;
    const { articleId, notes } = imported((await importOne(wb, 'chrome.txt', full))[0]);
    expect(notes).toContain(
      'Site chrome trimmed from the end: 3 lines (Phản hồi · Các tin khác · ©2024 Bản quyền thuộc về Báo A.); it can be restored.',
    );
    const article = wb.articles.get(articleId);
    expect(article).toMatchObject({ byline: 'Hà An', source: 'Báo A', text: `${VIETNAMESE_ARTICLE}\n\nHà An` });
    expect(wb.articles.restoreTrimmed(articleId)).toMatchObject({ text: full, trimmedText: null });
  });

  it('uploads import from bytes with the same pipeline', async () => {
    const wb = workbench();
    const [result] = await importFile(wb, { name: 'folder/upload.txt', bytes: Buffer.from(VIETNAMESE_ARTICLE) });
    expect(wb.articles.get(imported(result).articleId).fileName).toBe('upload.txt');
  });
});

describe('folder walking', () => {
  it('walks folders recursively in a stable order, leaving hidden files out', () => {
    const wb = workbench();
    writeFiles(wb.dir, {
      'in/b.txt': 'b',
      'in/a/z.txt': 'z',
      'in/.DS_Store': 'x',
      'in/.git/config': 'x',
      'in/c.md': 'c',
    });
    expect(collectFiles([join(wb.dir, 'in')], 10).map((file) => file.name)).toEqual([
      'in/a/z.txt',
      'in/b.txt',
      'in/c.md',
    ]);
  });

  it('refuses a selection past the file limit with a clear error', () => {
    const wb = workbench();
    writeFiles(wb.dir, { 'in/1.txt': '1', 'in/2.txt': '2', 'in/3.txt': '3' });
    expect(() => collectFiles([join(wb.dir, 'in')], 2)).toThrow(TooManyFilesError);
    expect(() => collectFiles([join(wb.dir, 'in')], 2)).toThrow('more than 2 files');
  });
});
