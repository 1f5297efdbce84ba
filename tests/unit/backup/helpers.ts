import { closeSync, openSync, statSync, truncateSync, writeSync } from 'node:fs';
import type { Workbench } from '../../../electron/services/workbench';
import { contentHashOf } from '../../../electron/services/import/store-article';

/** Adds `count` small articles, each in its own transaction, like files of an import. */
export function addArticles(workbench: Workbench, count: number, prefix = 'Bài'): number[] {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const text = `${prefix} số ${i}: Bộ Công an cảnh báo nguy cơ lừa đảo trực tuyến. `.repeat(20);
    ids.push(
      workbench.articles.insert({
        rawText: text,
        text,
        trimmedText: null,
        contentHash: contentHashOf(text),
        title: `${prefix} ${i}`,
        source: null,
        byline: null,
        url: null,
        publishedAt: null,
        fileName: null,
      }),
    );
  }
  return ids;
}

/**
 * Adds `count` three-character RISK spans near the start of the article (each a separate, logged
 * write), each one character after the article's last (identical spans are refused).
 */
export function annotate(workbench: Workbench, articleId: number, count: number): void {
  const text = workbench.articles.getText(articleId);
  const first = workbench.annotationRows.listForArticle(articleId).length;
  for (let i = first; i < first + count; i++)
    workbench.annotations.create({ articleId, labelKey: 'RISK', start: i, end: i + 3, quote: text.slice(i, i + 3) });
}

/** Overwrites `pages` pages in the middle of the file with garbage, as a failing disk would. */
export function corruptMiddle(path: string, pageSize = 4096, pages = 4): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    const garbage = Buffer.alloc(pageSize * pages, 0xa5);
    writeSync(fd, garbage, 0, garbage.length, Math.max(pageSize, Math.floor(size / pageSize / 2) * pageSize));
  } finally {
    closeSync(fd);
  }
}

/** Cuts the file to a fraction of its length, as an interrupted copy would. */
export function truncateTo(path: string, fraction: number): void {
  truncateSync(path, Math.floor(statSync(path).size * fraction));
}
