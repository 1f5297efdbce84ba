import { pickLanguage, type Language } from '../../../shared/i18n/languages';

export { isLanguage, LANGUAGES, pickLanguage, type Language } from '../../../shared/i18n/languages';

export const LANGUAGE_STORAGE_KEY = 'marginalia.language';

/** The language this page starts in, from the address, the saved choice and the system. */
export function startLanguage(): Language {
  return pickLanguage({
    query: new URLSearchParams(window.location.search).get('lang'),
    stored: localStorage.getItem(LANGUAGE_STORAGE_KEY),
    systemLocale: navigator.language,
  });
}
