/**
 * Where the app is, read from the URL hash (#/article/3, #/concordance…; the library has none).
 * Zod- and store-free: the start script (boot.ts) reads it before the app's bundle has loaded.
 */

/** The corpus views; the reader shows instead of them while an article is open. */
export const VIEWS = ['library', 'concordance', 'dashboard', 'agreement', 'entities', 'briefs'] as const;
export type View = (typeof VIEWS)[number];

/** The article id in the URL hash (#/article/3), so a reload reopens the same article. */
export function articleIdFromHash(): number | null {
  const match = /^#\/article\/(\d+)$/.exec(window.location.hash);
  return match ? Number(match[1]) : null;
}

/** The article being adjudicated (#/adjudicate/3). */
export function adjudicationIdFromHash(): number | null {
  const match = /^#\/adjudicate\/(\d+)$/.exec(window.location.hash);
  return match ? Number(match[1]) : null;
}

/** The corpus view in the URL hash (#/concordance, #/agreement, #/entities…); the library has none. */
export function viewFromHash(): View {
  if (entityIdFromHash() !== null) return 'entities';
  if (briefIdFromHash() !== null) return 'briefs';
  const match = /^#\/(concordance|dashboard|agreement|entities|briefs)$/.exec(window.location.hash);
  return (match?.[1] as View | undefined) ?? 'library';
}

/** The entity whose page is shown (#/entity/5). */
export function entityIdFromHash(): number | null {
  const match = /^#\/entity\/(\d+)$/.exec(window.location.hash);
  return match ? Number(match[1]) : null;
}

/** The brief open in the editor (#/brief/2). */
export function briefIdFromHash(): number | null {
  const match = /^#\/brief\/(\d+)$/.exec(window.location.hash);
  return match ? Number(match[1]) : null;
}

export const SCHEMA_HASH = '#/schema';
export const schemaFromHash = () => window.location.hash === SCHEMA_HASH;

/** The address shows the library: no article, adjudication or schema editor over it. */
export const libraryFromHash = () =>
  viewFromHash() === 'library' &&
  articleIdFromHash() === null &&
  adjudicationIdFromHash() === null &&
  !schemaFromHash();
