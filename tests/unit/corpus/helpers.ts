import { createHash } from 'node:crypto';
import type { Workbench } from '../../../electron/services/workbench';

export interface TestArticle {
  title?: string | null;
  text: string;
  source?: string | null;
  publishedAt?: string | null;
}

/** Stores an article as an import would, and returns its id. */
export function addArticle(workbench: Workbench, article: TestArticle): number {
  return workbench.articles.insert({
    rawText: article.text,
    text: article.text,
    trimmedText: null,
    contentHash: createHash('sha256')
      .update(`${article.title ?? ''}\n${article.text}`)
      .digest('hex'),
    title: article.title ?? null,
    source: article.source ?? null,
    byline: null,
    url: null,
    publishedAt: article.publishedAt ?? null,
    fileName: null,
  });
}

/** One span through the pipeline, as the reader makes it; returns its id. */
export function addSpan(
  workbench: Workbench,
  articleId: number,
  labelKey: string,
  quote: string,
  author?: string,
): number {
  const text = workbench.articles.getText(articleId);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`“${quote}” is not in article ${articleId}`);
  const applied = workbench.changes.apply({
    origin: 'manual',
    ...(author === undefined ? {} : { author }),
    changes: [
      {
        kind: 'annotation.create',
        ref: 'a',
        annotation: { articleId, labelKey, start, end: start + quote.length, quote },
      },
    ],
  });
  return applied.createdIds.a!;
}
