import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/contract/articles';
import { api } from '../api/client';
import { errorMessage, useAppStore } from '../state/app-store';

const DEBOUNCE_MS = 180;

/**
 * Full-text hits for `query` (accent-insensitive, over titles and texts), by rank; empty while
 * the query is blank or its answer has not arrived. Typing fast sends one request per pause.
 */
export function useArticleSearch(query: string): ReadonlyMap<number, SearchHit> {
  const [answer, setAnswer] = useState<{ query: string; hits: ReadonlyMap<number, SearchHit> }>({
    query: '',
    hits: new Map(),
  });
  const trimmed = query.trim();

  useEffect(() => {
    if (!trimmed) return;
    let stale = false;
    const timer = window.setTimeout(() => {
      api.searchArticles({ query: trimmed.slice(0, 200) }).then(
        (hits) => !stale && setAnswer({ query: trimmed, hits: new Map(hits.map((hit) => [hit.articleId, hit])) }),
        (error: unknown) => useAppStore.getState().notify('error', errorMessage(error)),
      );
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [trimmed]);

  return answer.query === trimmed && trimmed ? answer.hits : EMPTY;
}

const EMPTY: ReadonlyMap<number, SearchHit> = new Map();
