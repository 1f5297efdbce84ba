import type { ImportLimits } from '../import/limits';
import type { StagedFile } from '../import/run-import';

/** An upload the browser host wrote to a temp folder; `release` removes it. */
export interface StagedUpload {
  files: StagedFile[];
  release(): void;
}

/**
 * What the running front end lends the shared handlers: its name and, in Electron, native
 * dialogs. Handlers never import a front end; the front end passes this in.
 */
export interface HostAdapter {
  kind: 'electron' | 'browser';
  appVersion: string;
  /** Import limits the user set on the command line; the defaults when absent. */
  importLimits?: ImportLimits;
  /** Native open dialog; absent in the browser host. */
  pickImportPaths?: (options: { folders: boolean }) => Promise<string[] | null>;
  /** Native save dialog; absent in the browser host. */
  pickExportPath?: (suggestedName: string) => Promise<string | null>;
  /**
   * Whether import/export may use these paths (Electron: only what its dialogs returned, see
   * path-grants.ts). Absent: any path, for trusted in-process callers such as tests.
   */
  acceptsPaths?: (purpose: 'import' | 'export', paths: readonly string[]) => boolean;
  /**
   * The browser host's uploads (POST /api/upload), each taken once by `startImport` with
   * `{ kind: 'upload', uploadId }`; null when there is no such upload. Absent elsewhere.
   */
  takeUpload?: (uploadId: string) => StagedUpload | null;
}
