import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';

/**
 * A file written through a hidden temp file beside it and renamed into place when complete, so
 * a crash or a cancel never leaves a half-written file under the final name (and never harms a
 * file already there). Writes wait for the stream to drain, so memory holds one chunk at a time.
 */
export class AtomicFile {
  private constructor(
    readonly finalPath: string,
    private readonly tempPath: string,
    private readonly stream: WriteStream,
  ) {}

  static async create(finalPath: string): Promise<AtomicFile> {
    const tempPath = join(dirname(finalPath), `.${basename(finalPath)}.${randomBytes(4).toString('hex')}.part`);
    const stream = createWriteStream(tempPath, { flags: 'wx' });
    await once(stream, 'open');
    return new AtomicFile(finalPath, tempPath, stream);
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (chunk.length > 0 && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes to disk (fsync), then renames over the final path. */
  async commit(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
    const handle = await open(this.tempPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.tempPath, this.finalPath);
  }

  /** Drops everything written so far. */
  async discard(): Promise<void> {
    this.stream.destroy();
    await finished(this.stream).catch(() => undefined);
    await rm(this.tempPath, { force: true });
  }
}
