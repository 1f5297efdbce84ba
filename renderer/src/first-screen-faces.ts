/**
 * The font files the library's first screen is laid out with: the interface's regular and
 * semibold (Noto Sans) and the titles' regular (Noto Serif), each in its Latin and Vietnamese
 * subset (@fontsource's file names, without the build's hash). The build preloads them from
 * index.html (electron.vite.config.ts), so they arrive with the scripts: without that, the first
 * layout asks for them, the rows are painted in a fallback face and laid out and painted again
 * when the faces arrive, on a first start while the app's own frame is still being produced
 * (issue 13). Vietnamese text asked for two files one after the other: @fontsource's Latin file
 * has no unicode-range, so the browser loads it first for every character, and the Vietnamese
 * file only for those the Latin one turned out to lack. The e2e test `first-screen-faces.spec.ts` derives the faces the screen uses from
 * its text and style sheets and fails when one is missing here.
 */
export const FIRST_SCREEN_FACES = [
  'noto-sans-latin-400-normal',
  'noto-sans-latin-600-normal',
  'noto-sans-vietnamese-400-normal',
  'noto-sans-vietnamese-600-normal',
  'noto-serif-latin-400-normal',
  'noto-serif-vietnamese-400-normal',
] as const;
