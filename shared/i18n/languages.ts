/** The UI languages; the order is the toggle's order. */
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The language to start in: `?lang=` in the address (tests, links), then the user's saved
 * choice, then Vietnamese for a Vietnamese system locale (vi, vi-VN…), English otherwise. The
 * page decides with all three (renderer/src/i18n/languages.ts); a host, which cannot see the
 * page's saved choice, with the other two (the Electron shell's menus, the library's first screen).
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
