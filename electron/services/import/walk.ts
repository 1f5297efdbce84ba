import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/** A file to import from disk, with the name the report shows for it. */
export interface FoundFile {
  path: string;
  name: string;
}

export class TooManyFilesError extends Error {
  constructor(limit: number) {
    super(
      `The selection holds more than ${limit.toLocaleString('en-US')} files, the import limit. Import a smaller folder, or raise the limit.`,
    );
    this.name = 'TooManyFilesError';
  }
}

/**
 * Expands files and folders into the files to import, folders recursively, in a stable order.
 * Hidden files and folders (".DS_Store", ".git") are not articles and are left out. A file
 * inside a folder is named relative to the folder it was chosen from ("articles/2023/a.txt").
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
      // Symlinked folders are not followed: they can loop.
      if (entry.isDirectory()) walk(root, path);
      else if (entry.isFile() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile())) {
        add({ path, name: join(basename(root), relative(root, path)) });
      }
    }
  };
  for (const path of paths) {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) walk(path, path);
    else add({ path, name: path });
  }
  return found;
}
