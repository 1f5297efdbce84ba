import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The path of a bundled worker entry (importWorker.js, extractWorker.js). Every bundled entry
 * (index, serve, cli) sits in out/main beside them, but the code asking may be bundled into a
 * shared chunk one folder below (out/main/chunks).
 */
export function bundledEntryPath(fileName: string): string {
  const candidates = [join(__dirname, fileName), join(__dirname, '..', fileName)];
  return candidates.find((candidate) => existsSync(candidate)) ?? (candidates[0] as string);
}
