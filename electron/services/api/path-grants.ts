import { resolve } from 'node:path';
import type { HostAdapter } from './host';

export type PathPurpose = 'import' | 'export';

/**
 * The paths the user chose in this process's own native dialogs. Electron's IPC takes import
 * and export paths only from here, so a compromised page cannot name other files; each grant
 * is used once.
 */
export class PathGrants {
  private readonly granted: Record<PathPurpose, Set<string>> = { import: new Set(), export: new Set() };

  grant(purpose: PathPurpose, paths: readonly string[]): void {
    for (const path of paths) this.granted[purpose].add(resolve(path));
  }

  /** True, and the grants used up, when every path was granted for this purpose. */
  take(purpose: PathPurpose, paths: readonly string[]): boolean {
    const set = this.granted[purpose];
    const resolved = paths.map((path) => resolve(path));
    if (!resolved.every((path) => set.has(path))) return false;
    for (const path of resolved) set.delete(path);
    return true;
  }
}

type Dialogs = Pick<HostAdapter, 'pickImportPaths' | 'pickExportPath'>;

/** Wraps native dialogs so that what they return is granted, and the handlers check grants. */
export function grantingDialogs(
  dialogs: Dialogs,
  grants = new PathGrants(),
): Dialogs & Pick<HostAdapter, 'acceptsPaths'> {
  return {
    ...(dialogs.pickImportPaths
      ? {
          pickImportPaths: async (options: { folders: boolean }) => {
            const paths = await (dialogs.pickImportPaths as NonNullable<Dialogs['pickImportPaths']>)(options);
            if (paths) grants.grant('import', paths);
            return paths;
          },
        }
      : {}),
    ...(dialogs.pickExportPath
      ? {
          pickExportPath: async (suggestedName: string) => {
            const path = await (dialogs.pickExportPath as NonNullable<Dialogs['pickExportPath']>)(suggestedName);
            if (path) grants.grant('export', [path]);
            return path;
          },
        }
      : {}),
    acceptsPaths: (purpose, paths) => grants.take(purpose, paths),
  };
}
