/** The UI languages; the order is the toggle's order. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'marginalia.language';

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The language to start in: `?lang=` in the address (tests, links), then the user's saved
 * choice, then Vietnamese for a Vietnamese system locale (vi, vi-VN…), English otherwise.
 */
export function pickLanguage(sources: {
  query: string | null;
  stored: string | null;
  systemLocale: string | undefined;
}): Language {
  if (isLanguage(sources.query)) return sources.query;
  if (isLanguage(sources.stored)) return sources.stored;
  return /^vi\b/i.test(sources.systemLocale ?? '') ? 'vi' : 'en';
}

/** The language this page starts in, from the address, the saved choice and the system. */
export function startLanguage(): Language {
  return pickLanguage({
    query: new URLSearchParams(window.location.search).get('lang'),
    stored: localStorage.getItem(LANGUAGE_STORAGE_KEY),
    systemLocale: navigator.language,
  });
}
