import { TOKEN_HEADER } from '../../shared/contract/names';
import type { RunningHost } from './fixtures';

/**
 * Asks the running host's API what is stored — the only proof that a write happened. A test
 * that looks only at the page after a write proves nothing about the database (that gap hid
 * the lost edits of issue 8).
 */
export async function callApi<T>(host: RunningHost, name: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value;
}

export interface StoredSpan {
  id: number;
  labelKey: string;
  start: number;
  end: number;
  quote: string;
  note: string;
}

/** The id of the article whose title starts with `titleStart`. */
export async function articleIdByTitle(host: RunningHost, titleStart: string): Promise<number> {
  const articles = await callApi<{ id: number; displayTitle: string }[]>(host, 'listArticles');
  const article = articles.find((candidate) => candidate.displayTitle.startsWith(titleStart));
  if (!article) throw new Error(`no article titled ${titleStart}…`);
  return article.id;
}

/** The spans stored for an article, as (label, quote, note) triples in text order. */
export async function storedSpans(host: RunningHost, articleId: number): Promise<StoredSpan[]> {
  return callApi<StoredSpan[]>(host, 'listAnnotations', { articleId });
}
