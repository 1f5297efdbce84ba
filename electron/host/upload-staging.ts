/**
 * Browser uploads, streamed to disk. `POST /api/upload` (multipart/form-data, one part per
 * file, the file's relative name as its filename) is written part by part into a fresh temp
 * folder, never held in memory; a file past the per-file limit or an upload past the total
 * refuses the whole upload (413, naming the file and the limit) and removes what was written.
 * The answer is an upload id that `startImport({ source: { kind: 'upload', uploadId } })` takes
 * once; the import job removes the folder when it ends (done, cancelled or failed), and an
 * upload never taken is removed after a while.
 */
import busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { ApiError } from '../../shared/contract/errors';
import type { StagedUpload } from '../services/api/host';
import { formatBytes } from '../services/import/limits';
import type { StagedFile } from '../services/import/run-import';
import { printableFileName } from '../services/import/file-names';

export interface UploadLimits {
  /** Largest file (the import's file limit). */
  maxFileBytes: number;
  /** Largest upload, all files together. */
  maxTotalBytes: number;
  /** Most files in one upload (the import's file limit). */
  maxFiles: number;
}

/** An upload not imported within this time is removed. */
export const STAGED_UPLOAD_TTL_MS = 10 * 60 * 1000;
/** Room for the multipart headers around the files, when checking Content-Length up front. */
const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

export type UploadResult =
  { ok: true; uploadId: string; files: number } | { ok: false; status: 400 | 413; error: ApiError };

interface Staged {
  dir: string;
  files: StagedFile[];
  expiry: NodeJS.Timeout;
}

export class UploadStaging {
  /** One folder per host run; each upload gets a folder inside it. */
  readonly root: string;
  private readonly staged = new Map<string, Staged>();

  constructor(private readonly ttlMs = STAGED_UPLOAD_TTL_MS) {
    this.root = mkdtempSync(join(tmpdir(), 'marginalia-uploads-'));
  }

  /** Streams one multipart request into a new folder; on any refusal the folder is removed. */
  async receive(request: IncomingMessage, limits: UploadLimits): Promise<UploadResult> {
    const refuse = (status: 400 | 413, error: ApiError): UploadResult => ({ ok: false, status, error });
    const declared = Number(request.headers['content-length'] ?? NaN);
    if (declared > limits.maxTotalBytes + MULTIPART_OVERHEAD_BYTES)
      return refuse(
        413,
        ApiError.of('rejected', 'uploadRequestTooLarge', {
          size: formatBytes(declared),
          limit: formatBytes(limits.maxTotalBytes),
        }),
      );
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        // Names are paths relative to a dropped folder, sent in UTF-8 by browsers.
        preservePath: true,
        defParamCharset: 'utf8',
        limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 0 },
      });
    } catch {
      return refuse(400, ApiError.of('invalid_input', 'uploadNotMultipart'));
    }
    const uploadId = randomUUID();
    const dir = join(this.root, uploadId);
    mkdirSync(dir);
    const files: StagedFile[] = [];
    const writers: WriteStream[] = [];
    let totalBytes = 0;

    const outcome = await new Promise<UploadResult | null>((resolve) => {
      let settled = false;
      const settle = (result: UploadResult | null) => {
        if (settled) return;
        settled = true;
        if (result !== null && !result.ok) request.unpipe(parser);
        resolve(result);
      };
      parser.on('file', (_field, stream, info) => {
        if (settled) {
          stream.resume();
          return;
        }
        const rawName = info.filename || `file ${files.length + 1}`;
        const name = printableFileName(rawName);
        // Stored under a number, never under the sender's name (which may hold "../").
        const path = join(dir, String(files.length).padStart(6, '0'));
        files.push({ name: rawName, path });
        const writer = createWriteStream(path);
        writers.push(writer);
        stream.on('data', (chunk: Buffer) => {
          totalBytes += chunk.length;
          if (totalBytes > limits.maxTotalBytes)
            settle(
              refuse(
                413,
                ApiError.of('rejected', 'uploadTooLarge', { limit: formatBytes(limits.maxTotalBytes), file: name }),
              ),
            );
        });
        stream.on('limit', () =>
          settle(
            refuse(
              413,
              ApiError.of('rejected', 'uploadFileTooLarge', { file: name, limit: formatBytes(limits.maxFileBytes) }),
            ),
          ),
        );
        stream.pipe(writer);
      });
      parser.on('filesLimit', () =>
        settle(refuse(413, ApiError.of('rejected', 'uploadTooManyFiles', { limit: limits.maxFiles }))),
      );
      parser.on('fieldsLimit', () => settle(refuse(400, ApiError.of('invalid_input', 'uploadNotMultipart'))));
      parser.on('error', () => settle(refuse(400, ApiError.of('invalid_input', 'uploadBroken'))));
      parser.on('close', () => settle(null));
      // The browser went away mid-upload (a closed tab, a cancelled request).
      request.on('close', () => {
        if (!request.complete) settle(refuse(400, ApiError.of('invalid_input', 'uploadBroken')));
      });
      request.pipe(parser);
    });

    if (outcome === null) {
      // Every part was read: wait until each file is on disk before anyone may import it.
      const written = await Promise.allSettled(writers.map((writer) => finished(writer)));
      if (written.some((result) => result.status === 'rejected')) {
        this.remove(dir);
        return refuse(400, ApiError.of('invalid_input', 'uploadBroken'));
      }
      if (files.length === 0) {
        this.remove(dir);
        return refuse(400, ApiError.of('invalid_input', 'uploadEmpty'));
      }
      const expiry = setTimeout(() => this.take(uploadId)?.release(), this.ttlMs);
      expiry.unref();
      this.staged.set(uploadId, { dir, files, expiry });
      return { ok: true, uploadId, files: files.length };
    }
    for (const writer of writers) writer.destroy();
    await Promise.allSettled(writers.map((writer) => finished(writer)));
    this.remove(dir);
    return outcome;
  }

  /** The upload's files, once; `release` removes them. Null for an unknown or taken id. */
  take(uploadId: string): StagedUpload | null {
    const staged = this.staged.get(uploadId);
    if (!staged) return null;
    this.staged.delete(uploadId);
    clearTimeout(staged.expiry);
    return { files: staged.files, release: () => this.remove(staged.dir) };
  }

  /** Removes every upload (at shutdown). */
  dispose(): void {
    for (const staged of this.staged.values()) clearTimeout(staged.expiry);
    this.staged.clear();
    this.remove(this.root);
  }

  private remove(path: string): void {
    rmSync(path, { recursive: true, force: true });
  }
}
