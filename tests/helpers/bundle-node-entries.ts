import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(__dirname, '..', '..');

/** A fresh folder inside node_modules/.cache, so the bundle resolves the project's packages. */
export function bundleDir(): string {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true }); // absent after a clean `npm ci`
  return mkdtempSync(join(cache, 'marginalia-import-test-'));
}

/**
 * Bundles the command line and the import workers the way electron-vite does (CommonJS,
 * node_modules left external) into `outDir` ('cli.js', 'importWorker.js', 'extractWorker.js', 'suggestionsWorker.js'),
 * so tests and benches can run the real entry points and worker threads without building the
 * whole app.
 */
export async function bundleNodeEntries(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: {
        input: {
          cli: resolve(ROOT, 'electron/host/cli.ts'),
          importWorker: resolve(ROOT, 'electron/services/import/import-worker.ts'),
          extractWorker: resolve(ROOT, 'electron/services/import/extraction/extract-worker.ts'),
          suggestionsWorker: resolve(ROOT, 'electron/services/assist/suggestions-worker.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  });
}
