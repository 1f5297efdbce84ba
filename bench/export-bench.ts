/**
 * Export benchmark: 1,000,000 annotations over 10,000 articles, exported to CSV and to JSONL.
 * Prints seconds and peak RSS per format (targets: under 10 s and under 300 MB each).
 *
 *   npx tsx bench/export-bench.ts
 *
 * The database is built first (about 3,000 characters and 100 spans per article, an emoji in
 * each text so code-point conversion does real work); each export then runs in a child process
 * of its own, so the peak RSS it reports is the export's, not the seeding's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportOptionsSchema, type ExportFormat } from '../shared/contract/exports';
import { exportToFile } from '../electron/services/export/export-service';
import { contentHashOf } from '../electron/services/import/store-article';
import { openWorkbench, type Workbench } from '../electron/services/workbench';
import { random } from './seeded-random';

const ARTICLES = 10_000;
const SPANS_PER_ARTICLE = 100;
const SYLLABLES_PER_ARTICLE = 600;
const FORMATS: ExportFormat[] = ['csv', 'jsonl'];
const SYLLABLES = (
  'Bộ Ngoại giao Việt Nam cảnh báo nguy cơ xung đột trên Biển Đông và đề xuất tăng cường hợp tác ' +
  'quốc phòng an ninh với các nước trong khu vực Thủ tướng Phạm Minh Chính phát biểu tại Hà Nội ' +
  'ngày 10/1 về chính sách đối ngoại độc lập tự chủ đa phương hóa đa dạng hóa quan hệ'
).split(' ');
const LABEL_KEYS = ['RISK', 'PROPOSAL', 'PER', 'TITLE', 'ORG', 'LOC', 'DATE', 'LAW', 'EVENT', 'MISC'];

interface ChildResult {
  seconds: number;
  peakRssMb: number;
  megabytes: number;
  spans: number;
}

/** Inserts rows directly: the annotation service's per-span validation and undo log would only slow seeding. */
function seed(workbench: Workbench): void {
  const next = random(42);
  const insertArticle = workbench.db.prepare(
    `INSERT INTO articles (raw_text, text, content_hash, title, source, published_at, word_count, status, imported_at, updated_at)
     VALUES (@text, @text, @hash, @title, 'Báo Nhân Dân', '2026-01-10', @words, 'done', @now, @now)`,
  );
  const insertSpan = workbench.db.prepare(
    `INSERT INTO annotations (article_id, label_key, start, "end", quote, note, origin, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '', 'manual', ?, ?)`,
  );
  const now = new Date().toISOString();
  const addArticle = workbench.db.transaction((index: number) => {
    const words = Array.from(
      { length: SYLLABLES_PER_ARTICLE },
      () => SYLLABLES[Math.floor(next() * SYLLABLES.length)] as string,
    );
    words[3] = '🚨';
    const starts: number[] = [];
    let text = `Bài ${index}:`;
    for (const word of words) {
      text += ' ';
      starts.push(text.length);
      text += word;
    }
    text += '.';
    const articleId = Number(
      insertArticle.run({ text, hash: contentHashOf(text), title: `Bài số ${index}`, words: words.length, now })
        .lastInsertRowid,
    );
    for (let i = 0; i < SPANS_PER_ARTICLE; i++) {
      const first = Math.floor(next() * (words.length - 4));
      const last = first + Math.floor(next() * 4);
      const start = starts[first] as number;
      const end = (starts[last] as number) + (words[last] as string).length;
      const label = LABEL_KEYS[Math.floor(next() * LABEL_KEYS.length)] as string;
      insertSpan.run(articleId, label, start, end, text.slice(start, end), now, now);
    }
  });
  for (let index = 1; index <= ARTICLES; index++) addArticle(index);
}

async function runChild(format: ExportFormat, databasePath: string, outPath: string): Promise<void> {
  const workbench = openWorkbench(databasePath);
  const options = ExportOptionsSchema.parse({ scope: { kind: 'all' }, labelKeys: null, format });
  const started = performance.now();
  const report = await exportToFile(workbench, options, outPath, { appVersion: 'bench' });
  const seconds = (performance.now() - started) / 1000;
  workbench.close();
  const result: ChildResult = {
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    megabytes: statSync(outPath).size / 1e6,
    spans: report.spansWritten,
  };
  process.stdout.write(JSON.stringify(result));
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-export-bench-'));
  try {
    const databasePath = join(dir, 'bench.db');
    const seeding = performance.now();
    const workbench = openWorkbench(databasePath);
    seed(workbench);
    workbench.close();
    console.log(
      `Seeded ${ARTICLES} articles and ${ARTICLES * SPANS_PER_ARTICLE} annotations in ` +
        `${((performance.now() - seeding) / 1000).toFixed(1)} s (${(statSync(databasePath).size / 1e6).toFixed(0)} MB).`,
    );
    for (const format of FORMATS) {
      const outPath = join(dir, `export.${format}`);
      // Same runtime and loader (tsx) as this process, in a fresh process for an honest peak RSS.
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, __filename, '--child', format, databasePath, outPath],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      if (child.status !== 0) throw new Error(`the ${format} export failed (exit ${child.status})`);
      const result = JSON.parse(child.stdout) as ChildResult;
      console.log(
        `${format.padEnd(5)}: ${result.seconds.toFixed(2)} s, peak RSS ${result.peakRssMb.toFixed(0)} MB, ` +
          `${result.spans} spans, ${result.megabytes.toFixed(0)} MB written`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [, , mode, format, databasePath, outPath] = process.argv;
if (mode === '--child' && format && databasePath && outPath)
  void runChild(format as ExportFormat, databasePath, outPath);
else main();
