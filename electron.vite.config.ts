import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { APP_ENTRY_ID } from './renderer/src/app-entry';
import { FIRST_SCREEN_FACES } from './renderer/src/first-screen-faces';

/**
 * Puts the renderer's start script (renderer/src/boot.ts, an entry of its own) in index.html as
 * an `async` module, ahead of the app's bundle: it runs as soon as it has arrived, not after the
 * bundle (and the style sheet) as the HTML's own module scripts would, which Vite merges into one
 * entry. It sends the calls the library's first paint waits for (issue 13). The app's bundle
 * becomes a module preload (fetched and compiled as before, not run) that the start script runs
 * once it has painted the early rows, or at once (renderer/src/library/early-rows.ts). In dev,
 * index.html runs main.tsx, whose import of the start script does the same later.
 */
function startScript(): Plugin {
  return {
    name: 'marginalia-start-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {});
        const boot = chunks.find((output) => output.type === 'chunk' && output.isEntry && output.name === 'boot');
        const app = chunks.find((output) => output.type === 'chunk' && output.isEntry && output.name === 'index');
        if (!boot || !app)
          throw new Error('The renderer build lacks its start script (renderer/src/boot.ts) or its app bundle.');
        const appScript = `<script type="module" crossorigin src="./${app.fileName}"></script>`;
        if (!html.includes(appScript))
          throw new Error(`index.html: the app bundle's script was not found (${appScript}).`);
        return {
          html: html.replace(
            appScript,
            `<link rel="modulepreload" crossorigin href="./${app.fileName}" id="${APP_ENTRY_ID}">`,
          ),
          tags: [
            {
              tag: 'script',
              attrs: { type: 'module', async: true, crossorigin: true, src: `./${boot.fileName}` },
              injectTo: 'head',
            },
          ],
        };
      },
    },
  };
}

/**
 * One build for every front end. The "main" bundle holds all Node entry points: the Electron
 * main process, the browser host, the command line, the import worker, the worker that
 * reads each imported file (terminated past the time limit or on Cancel) and the one that
 * computes suggestions (electron/services/assist/suggestions-thread.ts), and the library's first
 * screen's renderer and its worker (electron/services/first-screen/). Only `index` imports
 * electron; the others run under plain Node.
 */
export default defineConfig({
  main: {
    // React's production build in the first screen's renderer.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          serve: resolve(__dirname, 'electron/host/serve.ts'),
          cli: resolve(__dirname, 'electron/host/cli.ts'),
          importWorker: resolve(__dirname, 'electron/services/import/import-worker.ts'),
          extractWorker: resolve(__dirname, 'electron/services/import/extraction/extract-worker.ts'),
          suggestionsWorker: resolve(__dirname, 'electron/services/assist/suggestions-worker.ts'),
          firstScreenWorker: resolve(__dirname, 'electron/services/first-screen/first-screen-worker.ts'),
          firstScreen: resolve(__dirname, 'renderer/src/first-screen/render-first-screen.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages: bundle what it imports (only the zod-free
      // call names, shared/contract/names.ts; lint keeps it that way).
      externalizeDeps: false,
      outDir: 'out/preload',
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), startScript()],
    build: {
      // electron-vite leaves minification off; the renderer is shipped and loaded on every start.
      minify: true,
      // The faces the library's first screen is laid out with go into the style sheet as data
      // URLs (renderer/src/first-screen-faces.ts); every other asset by Vite's size rule.
      assetsInlineLimit: (filePath: string) =>
        FIRST_SCREEN_FACES.some((face) => filePath.endsWith(`/${face}.woff2`)) ? true : undefined,
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html'), boot: resolve(__dirname, 'renderer/src/boot.ts') },
      },
    },
  },
});
