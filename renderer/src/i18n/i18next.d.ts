import 'i18next';
import type { en } from './en';

// Typed keys: t('library.heading') is checked against en.ts at compile time. The services'
// catalogue (`backend`, a few hundred keys reached only by key from backend.ts) is left out of the
// typed set: with it, the union of keys grew past what TypeScript instantiates ("excessively deep").
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Omit<typeof en, 'backend'> };
  }
}
