import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { MessageRef } from '../../../shared/messages/backend-messages';

/** A file to import from disk, with the name the report shows for it, or why it cannot be. */
export type FoundFile = { path: string; name: string; problem?: undefined } | { name: string; problem: MessageRef };

export class TooManyFilesError extends Error {
  constructor(limit: number) {
    super(
      `The selection holds more than ${limit.toLocaleString('en-US')} files, the import limit. Import a smaller folder, or raise the limit.`,
    );
    this.name = 'TooManyFilesError';
  }
}

/** What a symbolic link points at, or why it points at nothing usable. */
function followLink(path: string): { stats: Stats } | { problem: MessageRef } {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return { problem: { key: 'linkDangling', params: { target: safeRealTarget(path) } } };
    return { stats };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { problem: { key: 'linkLoop', params: {} } };
    return { problem: { key: 'linkUnfollowable', params: { detail: (error as Error).message } } };
  }
}

function safeRealTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return 'a missing file';
  }
}

/**
 * Expands files and folders into the files to import, folders recursively, in a stable order.
 * Hidden files and folders (".DS_Store", ".git") are not articles and are left out. A file
 * inside a folder is named relative to the folder it was chosen from ("articles/2023/a.txt").
 * Symlinked folders are not followed (they can loop); a link that loops or dangles is listed
 * with its problem, so the report names it and the rest of the folder still imports.
 */
export function collectFiles(paths: readonly string[], maxFiles: number): FoundFile[] {
  const found: FoundFile[] = [];
  const add = (file: FoundFile): void => {
    if (found.length >= maxFiles) throw new TooManyFilesError(maxFiles);
    found.push(file);
  };
  const walk = (root: string, folder: string): void => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      const name = join(basename(root), relative(root, path));
      if (entry.isDirectory()) walk(root, path);
      else if (entry.isFile()) add({ path, name });
      else if (entry.isSymbolicLink()) {
        const target = followLink(path);
        if ('problem' in target) add({ name, problem: target.problem });
        else if (target.stats.isFile()) add({ path, name });
      }
    }
  };
  for (const path of paths) {
    // A chosen path that does not exist is reported by the import itself ("could not be read").
    const target = lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ? followLink(path) : null;
    if (target && 'problem' in target) add({ name: path, problem: target.problem });
    else if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) walk(path, path);
    else add({ path, name: path });
  }
  return found;
}
