import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { bundleDir, bundleNodeEntries } from '../../../helpers/bundle-node-entries';

/**
 * Builds the bundle once for the enclosing describe block and removes it afterwards; the
 * returned function gives the path of an entry in it (e.g. 'cli.js', 'importWorker.js',
 * 'extractWorker.js').
 */
export function useBundledEntries(): (entry: string) => string {
  let outDir = '';
  beforeAll(async () => {
    outDir = bundleDir();
    await bundleNodeEntries(outDir);
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  return (entry) => join(outDir, entry);
}
