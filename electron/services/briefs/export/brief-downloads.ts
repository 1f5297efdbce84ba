import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOWNLOAD_TTL_MS, type ExportDownload } from '../../export/export-jobs';
import { perWorkbench } from '../../per-workbench';
import { writeRenderedBrief, type RenderedBrief } from './brief-export-service';

interface ReadyBrief {
  dir: string;
  file: ExportDownload;
  expiry: NodeJS.Timeout;
}

/**
 * Exported briefs waiting for the browser host's download route, as dataset exports do: each in a
 * temp folder of its own, served once under `/api/download/<id>`, gone after DOWNLOAD_TTL_MS.
 */
export class BriefDownloads {
  private readonly ready = new Map<string, ReadyBrief>();

  /** Writes the brief to a temp folder; answers the id the download route serves it under. */
  async add(rendered: RenderedBrief): Promise<string> {
    const id = randomUUID();
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-brief-'));
    const path = join(dir, rendered.fileName);
    try {
      await writeRenderedBrief(rendered, path);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    const expiry = setTimeout(() => this.served(id), DOWNLOAD_TTL_MS);
    expiry.unref();
    this.ready.set(id, { dir, file: { path, fileName: rendered.fileName, contentType: rendered.mime }, expiry });
    return id;
  }

  download(id: string): ExportDownload | null {
    return this.ready.get(id)?.file ?? null;
  }

  /** The download was sent (or expired): its folder goes. */
  served(id: string): void {
    const ready = this.ready.get(id);
    if (!ready) return;
    clearTimeout(ready.expiry);
    rmSync(ready.dir, { recursive: true, force: true });
    this.ready.delete(id);
  }
}

export const briefDownloadsOf = perWorkbench(() => new BriefDownloads());
