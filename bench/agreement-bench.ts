/**
 * Agreement at scale (issue 15): N synthetic articles (default 10,000) of about 3,000 characters,
 * two authors with 50 spans each per article (500,000 each at the default), the second a noisy
 * copy of the first (most spans identical, some with moved boundaries, relabelled, missing or
 * extra). Then AgreementService.compute over everything, in-process as the host runs it: time
 * per run, the heap and peak RSS, and the figures. Seeding is not counted.
 *
 * Options: --articles N (default 10000), --spans N per author and article (default 50), --runs N (default 3).
 * Run: npx tsx bench/agreement-bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AgreementInputSchema } from '../shared/contract/agreement';
import { contentHashOf } from '../electron/services/import/store-article';
import { AgreementService } from '../electron/services/agreement/agreement-service';
import { AgreementSource } from '../electron/services/store/agreement-source';
import { openWorkbench, type Workbench } from '../electron/services/workbench';
import { random } from './seeded-random';

const SYLLABLES = (
  'bộ công an đề xuất tăng cường bảo vệ an ninh quốc gia trật tự xã hội hợp tác quốc tế ' +
  'phòng chống tội phạm ma túy biên giới kinh tế chính sách pháp luật người dân đối ngoại ' +
  'nguy cơ thách thức chiến lược phát triển bền vững khu vực thế giới hội nghị lãnh đạo'
).split(' ');
const LABEL_KEYS = ['RISK', 'PROPOSAL', 'PER', 'ORG', 'LOC'];
const WORDS_PER_ARTICLE = 650;

interface Word {
  first: number;
  last: number;
  labelKey: string;
}

/** Rows straight into SQLite, as library-bench does; Lan's spans and Minh's noisy copy of them. */
function seed(workbench: Workbench, articles: number, spansPerAuthor: number): void {
  const next = random(15);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)] as T;
  const insertArticle = workbench.db.prepare(
    `INSERT INTO articles (raw_text, text, content_hash, title, source, published_at, word_count, status, imported_at, updated_at)
     VALUES (@text, @text, @hash, @title, 'Báo', NULL, @words, 'done', @now, @now)`,
  );
  const insertSpan = workbench.db.prepare(
    `INSERT INTO annotations (article_id, label_key, start, "end", quote, note, author, origin, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '', ?, 'merge', ?, ?)`,
  );
  const now = new Date().toISOString();
  const batch = workbench.db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const words = Array.from({ length: WORDS_PER_ARTICLE }, () => pick(SYLLABLES));
      const starts: number[] = [];
      let text = '';
      for (const word of words) {
        text += text ? ' ' : '';
        starts.push(text.length);
        text += word;
      }
      text += '.';
      const id = Number(
        insertArticle.run({ text, hash: contentHashOf(text + n), title: `Bài ${n}`, words: words.length, now })
          .lastInsertRowid,
      );
      const store = (author: string, { first, last, labelKey }: Word) => {
        const start = starts[first] as number;
        const end = (starts[last] as number) + (words[last] as string).length;
        insertSpan.run(id, labelKey, start, end, text.slice(start, end), author, now, now);
      };
      // Spans one per slot of the text, so an author's spans do not pile up on each other.
      const slot = Math.floor(WORDS_PER_ARTICLE / spansPerAuthor);
      for (let s = 0; s < spansPerAuthor; s++) {
        const first = s * slot + Math.floor(next() * (slot - 5));
        const lan: Word = { first, last: first + Math.floor(next() * 3), labelKey: pick(LABEL_KEYS) };
        store('Lan', lan);
        const roll = next();
        if (roll < 0.7) store('Minh', lan);
        else if (roll < 0.85) store('Minh', { ...lan, last: lan.last + 1 });
        else if (roll < 0.95) store('Minh', { ...lan, labelKey: pick(LABEL_KEYS) });
        else store('Minh', { ...lan, first: lan.last + 2, last: lan.last + 3 });
      }
    }
  });
  for (let from = 1; from <= articles; from += 2_000) batch(from, Math.min(articles + 1, from + 2_000));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' },
      spans: { type: 'string', default: '50' },
      runs: { type: 'string', default: '3' },
    },
  });
  const articles = Number(values.articles);
  const spans = Number(values.spans);
  const runs = Number(values.runs);
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-agreement-bench-'));
  const workbench = openWorkbench(join(dir, 'bench.db'));
  try {
    const seeding = performance.now();
    seed(workbench, articles, spans);
    console.log(
      `seeded ${articles} articles, ${spans * articles} spans per author in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    const service = new AgreementService(workbench);
    const input = AgreementInputSchema.parse({ authors: ['Lan', 'Minh'] });
    let peakRss = process.memoryUsage().rss;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    for (let run = 1; run <= runs; run++) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const report = await service.compute(input);
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const { overall } = report;
      console.log(
        `run ${run}: ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s) for ${report.articles.length} articles, ${report.tokens} tokens, ` +
          `${report.codePoints} code points; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB; ` +
          `load ${loadavg()
            .map((value) => value.toFixed(1))
            .join(' ')}`,
      );
      if (run === 1) {
        const f = (value: number | null) => (value === null ? '—' : value.toFixed(3));
        console.log(
          `overall: spans ${overall.spans.join('/')}, F1 exact ${f(overall.f1Exact)}, F1 overlap ${f(overall.f1Overlap)}, ` +
            `Cohen κ ${f(overall.cohenKappa)}, Fleiss κ ${f(overall.fleissKappa)}, α_U ${f(overall.alphaU)}`,
        );
      }
    }
    clearInterval(rssTimer);
    // The reading alone, for the share of SQLite in the time above.
    const reading = performance.now();
    const source = new AgreementSource(workbench.db, input.authors);
    let rows = 0;
    for (const articleId of source.articleIds(input.filter, input.articles)) {
      source.article(articleId);
      rows += source.spans(articleId).length;
    }
    console.log(`reading alone: ${((performance.now() - reading) / 1000).toFixed(2)} s for ${rows} spans`);
    console.log(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
  } finally {
    workbench.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
