/**
 * Import benchmark: 10,000 generated plain-text articles of about 8 KB each, in one folder,
 * imported into an empty database through the real pipeline (read, decode, canonicalise, chrome,
 * metadata, fold, duplicate check, stored in batches of files, each file in its own savepoint),
 * with files read and prepared in the extract worker thread while this thread writes, as an
 * import job runs. Then the raw SQLite insert speed of the same rows, in the same run, so the
 * ratio shows the pipeline's overhead.
 *
 * Run: npx tsx bench/import-bench.ts [--files N] [--same-thread]
 * On Linux the import's CPU time is also split by thread (/proc/self/task), to show which one bounds it.
 * (`--same-thread`: read and prepare on the writing thread too, as the command line's seeding does.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { numberOption, parseCommandLine } from '../electron/services/command-line';
import { runImport } from '../electron/services/import/run-import';
import { beginBatchDurability } from '../electron/services/store/durability';
import { openWorkbench } from '../electron/services/workbench';
import { bundleDir, bundleNodeEntries } from '../tests/helpers/bundle-node-entries';

const options = parseCommandLine(process.argv.slice(2), {
  files: { type: 'string' },
  'same-thread': { type: 'boolean' },
}).values;
const FILES = numberOption('files', options.files, { min: 1, integer: true }) ?? 10_000;
const SAME_THREAD = options['same-thread'] === true;
/** The most files an import batch holds (run-import.ts): the raw reference commits as often. */
const IMPORT_BATCH_FILES = 256;
const TARGET_BYTES = 8 * 1024;

const PARAGRAPHS = [
  'Phát biểu tại hội nghị, Bộ trưởng nhấn mạnh yêu cầu tiếp tục đổi mới tư duy, nâng cao hiệu quả công tác đối ngoại và hợp tác quốc tế trong tình hình mới.',
  'Theo báo cáo, trong năm qua lực lượng chức năng đã chủ động nắm chắc tình hình, tham mưu kịp thời cho lãnh đạo các cấp, góp phần giữ vững an ninh chính trị.',
  'Bên cạnh những kết quả đạt được, công tác phối hợp giữa các bộ, ngành và địa phương vẫn còn một số hạn chế cần sớm được khắc phục trong thời gian tới.',
  'Hội nghị cũng thống nhất các giải pháp trọng tâm nhằm bảo vệ quyền và lợi ích hợp pháp của công dân Việt Nam ở nước ngoài.',
];

/** A distinct ~8 KB article: headline, dateline, paragraphs, byline. */
function article(index: number): string {
  const lines = [`Bài số ${index}: Hội nghị tổng kết công tác đối ngoại`, '', `14:45 10/01/2023`, ''];
  let size = 0;
  for (let paragraph = 0; size < TARGET_BYTES - 200; paragraph++) {
    const text = `${PARAGRAPHS[paragraph % PARAGRAPHS.length]} (${index}.${paragraph})`;
    lines.push(text, '');
    size += Buffer.byteLength(text) + 2;
  }
  lines.push('Hà An');
  return lines.join('\n');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** CPU time (user + system, every thread of this process) spent in `since`'s interval, in ms. */
function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** CPU time of each thread of this process so far, in ms, by thread id (Linux's /proc; empty elsewhere). */
function threadCpuMs(): Map<string, number> {
  const byThread = new Map<string, number>();
  const tasks = '/proc/self/task';
  if (!existsSync(tasks)) return byThread;
  for (const tid of readdirSync(tasks)) {
    try {
      const stat = readFileSync(join(tasks, tid, 'stat'), 'utf8');
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100/s).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byThread.set(tid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return byThread;
}

/**
 * Each thread's CPU time as last seen, sampled every 100 ms until `stop`: the extract worker ends
 * with the import, and a thread that has ended is gone from /proc (read only at the end, the
 * worker's time was sometimes missing from the split).
 */
function sampleThreadCpu(): { stop: () => Map<string, number> } {
  const seen = threadCpuMs();
  const sample = () => {
    for (const [tid, ms] of threadCpuMs()) seen.set(tid, ms);
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return seen;
    },
  };
}

/**
 * Where the CPU time went between `before` and `after`: this thread (the job's, which writes), the
 * busiest other (the extract worker, which reads and prepares), and the rest (V8's GC and
 * compiler threads, libuv).
 */
function threadSplit(before: Map<string, number>, after: Map<string, number>): string {
  const spent = [...after].map(([tid, ms]) => ({ tid, ms: ms - (before.get(tid) ?? 0) }));
  if (spent.length === 0) return '';
  const own = spent.find(({ tid }) => tid === String(process.pid))?.ms ?? 0;
  const others = spent.filter(({ tid }) => tid !== String(process.pid)).sort((a, b) => b.ms - a.ms);
  const busiest = others[0]?.ms ?? 0;
  const rest = others.slice(1).reduce((sum, { ms }) => sum + ms, 0);
  return ` (writing thread ${seconds(own)}, busiest other thread ${seconds(busiest)}, the rest ${seconds(rest)})`;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'marginalia-import-bench-'));
  try {
    const folder = join(work, 'articles');
    mkdirSync(folder);
    let totalBytes = 0;
    for (let i = 0; i < FILES; i++) {
      const text = article(i);
      totalBytes += Buffer.byteLength(text);
      writeFileSync(join(folder, `${String(i).padStart(5, '0')}.txt`), text);
    }
    // Flush the generated files first: a user's files are on disk long before they import them,
    // and their writeback would otherwise land on the import's fsyncs.
    execFileSync('sync');
    console.log(
      `${FILES.toLocaleString('en-US')} files, ${(totalBytes / FILES / 1024).toFixed(1)} KB each on average, in one folder.`,
    );

    const bundle = SAME_THREAD ? null : bundleDir();
    if (bundle) await bundleNodeEntries(bundle);
    const workbench = openWorkbench(join(work, 'import.db'));
    let imported = 0;
    const importStart = performance.now();
    const importCpu = process.cpuUsage();
    const importThreads = threadCpuMs();
    const threadsDuringImport = sampleThreadCpu();
    await runImport(
      workbench,
      { kind: 'paths', paths: [folder] },
      {
        signal: new AbortController().signal,
        emit: (event) => {
          if (event.type === 'results')
            imported += event.results.filter((result) => result.outcome === 'imported').length;
        },
      },
      { extractWorkerPath: bundle ? join(bundle, 'extractWorker.js') : null },
    );
    const importMs = performance.now() - importStart;
    const importCpuMs = cpuMsSince(importCpu);
    const importSplit = threadSplit(importThreads, threadsDuringImport.stop());
    console.log(
      `${(SAME_THREAD ? 'Import pipeline, one thread:' : 'Import pipeline, extract worker:').padEnd(44)} ${seconds(importMs)} for ${imported.toLocaleString('en-US')} articles (${Math.round(imported / (importMs / 1000)).toLocaleString('en-US')} files/s), CPU ${seconds(importCpuMs)}${importSplit}`,
    );

    // The same rows, inserted raw into a fresh database with the same schema and pragmas.
    const rows = workbench.db
      .prepare(
        `SELECT raw_text, text, trimmed_text, content_hash, title, source, byline, url, published_at, file_name, word_count, status, imported_at, updated_at FROM articles`,
      )
      .all();
    workbench.close();
    const raw = openWorkbench(join(work, 'raw.db'));
    const insert = raw.db.prepare(
      `INSERT INTO articles (raw_text, text, trimmed_text, content_hash, title, source, byline, url, published_at, file_name, word_count, status, imported_at, updated_at)
       VALUES (@raw_text, @text, @trimmed_text, @content_hash, @title, @source, @byline, @url, @published_at, @file_name, @word_count, @status, @imported_at, @updated_at)`,
    );
    const insertOne = raw.db.transaction((row: unknown) => insert.run(row));
    const timeInserts = (label: string, insertRows: () => void): number => {
      raw.db.exec('DELETE FROM articles');
      raw.db.pragma('wal_checkpoint(TRUNCATE)');
      const start = performance.now();
      const cpu = process.cpuUsage();
      insertRows();
      const ms = performance.now() - start;
      console.log(
        `${label.padEnd(44)} ${seconds(ms)} (${Math.round(rows.length / (ms / 1000)).toLocaleString('en-US')} rows/s), CPU ${seconds(cpuMsSince(cpu))}`,
      );
      return ms;
    };
    // As the import commits: a transaction per batch of files, WAL synced at the end of the import.
    const insertBatch = raw.db.transaction((batch: unknown[]) => batch.forEach((row) => insert.run(row)));
    const sameDurabilityMs = timeInserts(`Raw SQLite, tx per ${IMPORT_BATCH_FILES} rows, synced per import:`, () => {
      const end = beginBatchDurability(raw.db);
      for (let i = 0; i < rows.length; i += IMPORT_BATCH_FILES) insertBatch(rows.slice(i, i + IMPORT_BATCH_FILES));
      end();
    });
    // As the import committed before batches: one transaction per row.
    const perRowMs = timeInserts('Raw SQLite, tx per row, synced per import:', () => {
      const end = beginBatchDurability(raw.db);
      for (const row of rows) insertOne(row);
      end();
    });
    timeInserts('Raw SQLite, tx per row, synced per commit:', () => rows.forEach((row) => insertOne(row)));
    timeInserts('Raw SQLite, one tx for all rows:', () =>
      raw.db.transaction(() => rows.forEach((row) => insert.run(row)))(),
    );
    raw.close();
    console.log(
      `Import / raw at the same durability: ${(importMs / sameDurabilityMs).toFixed(1)}× (/ raw with a tx per row: ${(importMs / perRowMs).toFixed(1)}×)`,
    );
    if (bundle) rmSync(bundle, { recursive: true, force: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
