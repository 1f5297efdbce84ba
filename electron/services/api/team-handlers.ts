import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ApiHandlers, ImportSource } from '../../../shared/contract';
import { ApiError } from '../../../shared/contract/errors';
import { exportJobsOf } from '../export/export-jobs';
import { DEFAULT_IMPORT_LIMITS, formatBytes, type ImportLimits } from '../import/limits';
import { packageImportsOf } from '../team/package-import';
import { readPackage } from '../team/package-read';
import type { Workbench } from '../workbench';
import type { HostAdapter } from './host';
import { refuseUnchosenPaths } from './import-handlers';

type TeamHandlers = Pick<ApiHandlers, 'startPackageExport' | 'previewPackage' | 'importPackage' | 'discardPackage'>;

export function createTeamHandlers(workbench: Workbench, host: HostAdapter): TeamHandlers {
  const limits = host.importLimits ?? DEFAULT_IMPORT_LIMITS;
  const imports = packageImportsOf(workbench);
  return {
    startPackageExport: ({ author, path }) => {
      if (path !== null) refuseUnchosenPaths(host, 'export', [path]);
      return { jobId: exportJobsOf(workbench).startPackage(author, path, host.appVersion) };
    },
    previewPackage: async ({ source }) => {
      const { name, bytes } = await packageBytes(host, source, limits);
      return imports.preview(readPackage(bytes, name, limits));
    },
    importPackage: ({ packageId, decisions }) => imports.apply(packageId, decisions),
    discardPackage: ({ packageId }) => {
      imports.discard(packageId);
      return null;
    },
  };
}

/**
 * The one package file of an import source, as the import dialog gives it: a path its native
 * dialog returned (Electron), a browser upload staged by the host, or base64 bytes (Electron
 * drops). A file past the import size limit is refused before it is read.
 */
async function packageBytes(
  host: HostAdapter,
  source: ImportSource,
  limits: ImportLimits,
): Promise<{ name: string; bytes: Uint8Array }> {
  const tooLarge = (file: string, size: number) =>
    ApiError.of('rejected', 'packageTooLarge', {
      file,
      size: formatBytes(size),
      limit: formatBytes(limits.maxFileBytes),
    });
  if (source.kind === 'uploads') {
    const [file] = source.files;
    if (!file) throw ApiError.of('rejected', 'uploadEmpty');
    const bytes = new Uint8Array(Buffer.from(file.dataBase64, 'base64'));
    if (bytes.length > limits.maxFileBytes) throw tooLarge(file.name, bytes.length);
    return { name: file.name, bytes };
  }
  if (source.kind === 'upload') {
    if (!host.takeUpload) throw ApiError.of('unsupported', 'stagedUploadsBrowserOnly');
    const upload = host.takeUpload(source.uploadId);
    if (!upload) throw ApiError.of('not_found', 'uploadNotFound', { uploadId: source.uploadId });
    try {
      const [file] = upload.files;
      if (!file) throw ApiError.of('rejected', 'uploadEmpty');
      return { name: file.name, bytes: await readLimited(file.path, file.name) };
    } finally {
      upload.release();
    }
  }
  refuseUnchosenPaths(host, 'import', source.paths);
  const [path] = source.paths;
  return { name: basename(path as string), bytes: await readLimited(path as string, basename(path as string)) };

  async function readLimited(path: string, name: string): Promise<Uint8Array> {
    const { size } = await stat(path);
    if (size > limits.maxFileBytes) throw tooLarge(name, size);
    return new Uint8Array(await readFile(path));
  }
}
