import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { LANGUAGE_STORAGE_KEY, startLanguage, type Language } from './languages';
import { vi } from './vi';

export const initialLanguage: Language = startLanguage();

// Synchronous init (resources are bundled), so the first render is already translated.
void i18next.use(initReactI18next).init({
  lng: initialLanguage,
  fallbackLng: false,
  resources: { en: { translation: en }, vi: { translation: vi } },
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});
document.documentElement.lang = initialLanguage;

/** Switches the whole UI and remembers the choice. */
export function applyLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** Code outside components (stores, toasts) translates with i18next.t in the current language. */
export { i18next };
