/**
 * "Export my work": one author's layer as an annotation package (shared/team/package-manifest.ts).
 * The workbench JSON inside is written by the one workbench JSON export (exportToFile with the
 * author as its only layer: the articles they annotated, their spans and relations, the entities
 * their spans link to), then zipped beside a manifest that counts what it holds.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { WorkbenchExport } from '../../../shared/codecs/workbench-json';
import { ApiError } from '../../../shared/contract/errors';
import type { ExportOptions } from '../../../shared/contract/exports';
import { SCHEMA_FILE_VERSION } from '../../../shared/domain/schema-file';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_MANIFEST_ENTRY,
  PACKAGE_WORKBENCH_ENTRY,
  type PackageManifest,
} from '../../../shared/team/package-manifest';
import { AtomicFile } from '../export/atomic-file';
import { exportToFile, type ExportReport, type ExportRun } from '../export/export-service';
import type { Workbench } from '../workbench';

/** The export options of a package: every article the author annotated, every label, code points. */
export function packageExportOptions(author: string): ExportOptions {
  return {
    scope: { kind: 'all' },
    labelKeys: null,
    authors: [author],
    format: 'workbench-json',
    offsetUnit: 'codepoint',
    csvBom: false,
  };
}

/**
 * Writes `author`'s package to `path` (complete under its name, or not at all). Refused when
 * nothing of theirs is stored. The workbench JSON streams to a temp file and from there, deflated
 * chunk by chunk, into the zip: memory stays flat whatever the package's size.
 */
export async function exportPackage(
  workbench: Workbench,
  author: string,
  path: string,
  run: ExportRun,
): Promise<ExportReport & { manifest: PackageManifest }> {
  const dir = await mkdtemp(join(tmpdir(), 'marginalia-package-'));
  try {
    const jsonPath = join(dir, PACKAGE_WORKBENCH_ENTRY);
    const counts = { relations: 0, entityLinks: 0 };
    const exportedAt = (run.now?.() ?? new Date()).toISOString();
    const report = await exportToFile(workbench, packageExportOptions(author), jsonPath, {
      ...run,
      now: () => new Date(exportedAt),
      onEncoded: (encoded) => {
        counts.relations += encoded.relationsWritten ?? 0;
        counts.entityLinks += encoded.entityLinksWritten ?? 0;
      },
    });
    if (report.spansWritten === 0) throw ApiError.of('rejected', 'packageNothingToExport', { author });
    const manifest: PackageManifest = {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      author,
      schemaVersion: SCHEMA_FILE_VERSION,
      appVersion: run.appVersion,
      createdAt: exportedAt,
      counts: { articles: report.articlesDone, annotations: report.spansWritten, ...counts },
    };
    await writeZip(path, manifest, jsonPath, run.signal);
    return { ...report, manifest };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The manifest, then the workbench JSON read from `jsonPath` and deflated as it streams. */
async function writeZip(path: string, manifest: PackageManifest, jsonPath: string, signal?: AbortSignal) {
  const file = await AtomicFile.create(path);
  try {
    const mtime = new Date(manifest.createdAt);
    const pending: Uint8Array[] = [];
    const zip = new Zip((error, data) => {
      if (error) throw error;
      pending.push(data);
    });
    const flush = () => file.write(concatBytes(pending.splice(0)));
    const manifestEntry = new ZipPassThrough(PACKAGE_MANIFEST_ENTRY);
    manifestEntry.mtime = mtime;
    zip.add(manifestEntry);
    manifestEntry.push(strToU8(`${JSON.stringify(manifest, null, 2)}\n`), true);
    const json = new ZipDeflate(PACKAGE_WORKBENCH_ENTRY, { level: 6 });
    json.mtime = mtime;
    zip.add(json);
    for await (const chunk of createReadStream(jsonPath, { highWaterMark: 1 << 20 })) {
      signal?.throwIfAborted();
      json.push(new Uint8Array(chunk as Buffer));
      await flush();
    }
    json.push(new Uint8Array(0), true);
    zip.end();
    await flush();
    await file.commit();
  } catch (error) {
    await file.discard();
    throw error;
  }
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** What a package holds, as its manifest counts it and its reader checks it. */
export function countsOf(data: WorkbenchExport): PackageManifest['counts'] {
  const annotations = data.articles.flatMap((article) => article.annotations);
  return {
    articles: data.articles.length,
    annotations: annotations.length,
    relations: data.articles.reduce((sum, article) => sum + article.relations.length, 0),
    entityLinks: annotations.filter((annotation) => annotation.entityId !== undefined).length,
  };
}
