/**
 * The id of the app bundle's module preload in the built index.html: the build puts the bundle
 * there in place of its script tag (electron.vite.config.ts), and the start script (boot.ts) runs
 * it when the early rows have been painted.
 */
export const APP_ENTRY_ID = 'marginalia-app';
