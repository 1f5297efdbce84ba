/**
 * Exports by layer (issue 15 §5): any format exports one author, several, or gold; each span says
 * its author; CoNLL takes one layer at a time. Read back from the files, and by Python's csv and
 * json where python3 exists.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WorkbenchExportSchema } from '../../../shared/codecs/workbench-json';
import { ExportOptionsSchema, type ExportOptions } from '../../../shared/contract/exports';
import { ApiError } from '../../../shared/contract/errors';
import { exportToFile } from '../../../electron/services/export/export-service';
import { openTempWorkbench } from '../../helpers/temp-workbench';
import { addArticle } from '../export/fixtures';

vi.setConfig({ testTimeout: 60_000 });

const TEXT = 'Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an, làm việc tại Hà Nội với Bộ Ngoại giao.';
const OTHER = 'Bài thứ hai chỉ có chú thích của Lan về Hà Nội.';
const PYTHON = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;

const workbench = openTempWorkbench();
let first: number;

/** Creates spans as `author` (a manual set naming its author, as adjudication writes gold). */
function annotateAs(author: string, articleId: number, spans: [label: string, quote: string][]): void {
  const text = workbench.articles.getText(articleId);
  workbench.changes.apply({
    articleId,
    origin: 'manual',
    author,
    changes: spans.map(([labelKey, quote], index) => {
      const start = text.indexOf(quote);
      return {
        kind: 'annotation.create',
        ref: String(index),
        annotation: { articleId, labelKey, start, end: start + quote.length, quote },
      };
    }),
  });
}

beforeAll(() => {
  first = addArticle(workbench, TEXT, 'Một');
  const second = addArticle(workbench, OTHER, 'Hai');
  annotateAs('Lan', first, [
    ['PER', 'Tô Lâm'],
    ['ORG', 'Bộ Công an'],
  ]);
  annotateAs('Bình', first, [
    ['PER', 'Tô Lâm'],
    ['LOC', 'Bộ Công an'],
    ['LOC', 'Hà Nội'],
  ]);
  annotateAs('gold', first, [
    ['PER', 'Tô Lâm'],
    ['ORG', 'Bộ Công an'],
  ]);
  annotateAs('Lan', second, [['LOC', 'Hà Nội']]);
});

async function exported(options: Partial<ExportOptions>, name: string): Promise<string> {
  const path = join(workbench.dir, name);
  await exportToFile(
    workbench,
    ExportOptionsSchema.parse({ scope: { kind: 'all' }, labelKeys: null, format: 'jsonl', ...options }),
    path,
    { appVersion: 'test' },
  );
  return path;
}

function python(path: string): { span_authors: string[]; meta_authors?: string[][] } | null {
  if (!PYTHON) {
    console.warn('[layers] python check skipped: python3 is not installed');
    return null;
  }
  const run = spawnSync(PYTHON, [join(__dirname, '..', 'consumers', 'python_readers.py'), 'layers', path], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

afterAll(() => workbench.dispose());

describe('exports by layer', () => {
  it('JSONL of the gold layer holds only gold spans, on the articles gold annotated, and says so in meta.authors', async () => {
    const path = await exported({ authors: ['gold'] }, 'gold.jsonl');
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual([first]);
    expect(lines[0].meta.authors).toEqual(['gold']);
    expect(lines[0].spans.map((span: { author: string; label: string }) => [span.author, span.label])).toEqual([
      ['gold', 'PER'],
      ['gold', 'ORG'],
    ]);
    const read = python(path);
    if (read) expect(read).toEqual({ span_authors: ['gold'], meta_authors: [['gold']] });
  });

  it('JSONL of every author keeps meta.authors null and each span its author', async () => {
    const path = await exported({}, 'all.jsonl');
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0].meta.authors).toBeNull();
    const authors = new Set(lines.flatMap((line) => line.spans.map((span: { author: string }) => span.author)));
    expect([...authors].sort()).toEqual(['Bình', 'Lan', 'gold']);
  });

  it('CSV of two authors has the author column with exactly those two', async () => {
    const path = await exported({ format: 'csv-data', authors: ['Lan', 'Bình'], csvBom: false }, 'two.csv');
    const rows = parse(readFileSync(path, 'utf8'), { columns: true }) as { author: string; quote: string }[];
    expect(rows.map((row) => row.author).sort()).toEqual(['Bình', 'Bình', 'Bình', 'Lan', 'Lan', 'Lan']);
    const read = python(path);
    if (read) expect(read).toEqual({ span_authors: ['Bình', 'Lan'] });
  });

  it('workbench JSON of one author names the layer in its header and holds only their spans', async () => {
    const path = await exported({ format: 'workbench-json', authors: ['Bình'] }, 'binh.json');
    const data = WorkbenchExportSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(data.authors).toEqual(['Bình']);
    expect(data.articles.flatMap((article) => article.annotations.map((annotation) => annotation.author))).toEqual([
      'Bình',
      'Bình',
      'Bình',
    ]);
  });

  it('CoNLL exports one layer: Bình alone is written with her tags', async () => {
    const path = await exported({ format: 'conll', authors: ['Bình'] }, 'binh.conll');
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines).toContain('Bộ\tO\tB-LOC');
    expect(lines).toContain('Lâm\tO\tI-PER');
  });

  it('regression: CoNLL of several layers is refused, naming the authors (their tags would overwrite each other)', async () => {
    const several = exported({ format: 'conll', authors: ['Lan', 'Bình'] }, 'two.conll');
    await expect(several).rejects.toThrow(ApiError);
    await expect(several).rejects.toThrow(/CoNLL holds one layer at a time.*“Bình”, “Lan”|“Lan”, “Bình”/);
    // Every author at once (no choice made) is several layers too.
    await expect(exported({ format: 'conll' }, 'all.conll')).rejects.toThrow(/one layer at a time/);
  });
});
