import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { errorMessage } from '../i18n/backend';
import { useAppStore } from '../state/app-store';

export interface StoredAuthor {
  author: string;
  /** Articles with at least one span of theirs. */
  articles: number;
}

/** The authors of the stored spans (the library's facet, as the agreement view lists them); null while loading. */
export function useStoredAuthors(): StoredAuthor[] | null {
  const [authors, setAuthors] = useState<StoredAuthor[] | null>(null);
  useEffect(() => {
    let live = true;
    api.libraryFacets({}).then(
      (facets) => {
        if (live) setAuthors(facets.authors.map(({ author, count }) => ({ author, articles: count })));
      },
      (error: unknown) => useAppStore.getState().notify('error', errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, []);
  return authors;
}
