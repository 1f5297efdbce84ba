import 'i18next';
import type { en } from './en';

// Typed keys: t('library.heading') is checked against en.ts at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
