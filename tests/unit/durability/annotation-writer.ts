/**
 * Child process of kill-9.test.ts: opens the database given as argv[2] through the services and
 * creates annotations on article 1 as fast as it can, printing `ack <id>` after each write has
 * returned (committed). The parent kills it with SIGKILL at an arbitrary moment.
 */
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { seedIfEmpty } from '../../../electron/services/import/seed';
import { openWorkbench } from '../../../electron/services/workbench';

const SEEDS_DIR = join(__dirname, '..', '..', '..', 'seeds');

async function main(): Promise<void> {
  const databasePath = process.argv[2];
  if (!databasePath) throw new Error('usage: annotation-writer.ts DB');
  const workbench = openWorkbench(databasePath);
  await seedIfEmpty(workbench, SEEDS_DIR);
  const article = workbench.articles.get(1);
  const labels = workbench.labels.list().map((label) => label.key);
  const words = [...article.text.matchAll(/\p{L}+/gu)].map((match) => ({ start: match.index, word: match[0] }));
  // Where the previous run stopped: each (word, label) pair is written once, in order.
  let next = workbench.annotations.list(1).length;
  writeSync(1, 'ready\n');
  for (;;) {
    const { start, word } = words[next % words.length]!;
    const labelKey = labels[Math.floor(next / words.length) % labels.length]!;
    const created = workbench.annotations.create({
      articleId: 1,
      labelKey,
      start,
      end: start + word.length,
      quote: word,
    });
    // Only now, after the commit returned, does the parent learn of the write.
    writeSync(1, `ack ${created.id}\n`);
    next++;
  }
}

void main();
