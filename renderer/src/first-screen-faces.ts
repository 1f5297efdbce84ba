/**
 * The font files the library's first screen is laid out with: the interface's regular and
 * semibold (Noto Sans) and the titles' regular (Noto Serif), each in its Latin and Vietnamese
 * subset (@fontsource's file names). The build puts them into the style sheet as data URLs
 * (electron.vite.config.ts, 56 kB of fonts, 75 kB in base64), so the first layout has them
 * without a request (issue 13). Asked for by that layout instead, they came ~70 ms later: the
 * rows were painted in a fallback face and laid out and painted again when they arrived, while
 * the first frame was on its way to the screen; and Vietnamese text asked for two files one after
 * the other (@fontsource's Latin file has no unicode-range, so the browser loads it first for
 * every character, and the Vietnamese file only for those it turned out to lack). Preloaded from
 * index.html instead, the six requests delayed the start scripts (bench/README.md). The e2e test
 * `first-screen-faces.spec.ts` derives the faces the screen uses from its text and style sheets
 * and fails when one is missing here.
 */
export const FIRST_SCREEN_FACES = [
  'noto-sans-latin-400-normal',
  'noto-sans-latin-600-normal',
  'noto-sans-vietnamese-400-normal',
  'noto-sans-vietnamese-600-normal',
  'noto-serif-latin-400-normal',
  'noto-serif-vietnamese-400-normal',
] as const;
