import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

/** A fresh folder inside node_modules/.cache, so the bundle resolves the project's packages. */
function bundleDir(): string {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true }); // absent after a clean `npm ci`
  return mkdtempSync(join(cache, 'marginalia-import-test-'));
}

/**
 * Bundles the command line and the import worker the way electron-vite does (CommonJS,
 * node_modules left external) into `outDir`, so tests can spawn the real entry points and
 * the real worker thread without building the whole app.
 */
async function buildNodeEntries(outDir: string): Promise<void> {
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
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  });
}

/**
 * Builds the bundle once for the enclosing describe block and removes it afterwards; the
 * returned function gives the path of an entry in it (e.g. 'cli.js', 'importWorker.js',
 * 'extractWorker.js').
 */
export function useBundledEntries(): (entry: string) => string {
  let outDir = '';
  beforeAll(async () => {
    outDir = bundleDir();
    await buildNodeEntries(outDir);
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  return (entry) => join(outDir, entry);
}
