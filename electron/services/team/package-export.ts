/**
 * "Export my work": one author's layer as an annotation package (shared/team/package-manifest.ts).
 * The workbench JSON inside is written by the one workbench JSON export (exportToFile with the
 * author as its only layer), then zipped beside a manifest that counts what it holds.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { WorkbenchExportSchema, type WorkbenchExport } from '../../../shared/codecs/workbench-json';
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
 * nothing of theirs is stored.
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
    const report = await exportToFile(workbench, packageExportOptions(author), jsonPath, run);
    if (report.spansWritten === 0) throw ApiError.of('rejected', 'packageNothingToExport', { author });
    const exported = WorkbenchExportSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
    const workbenchJson = withLinkedEntitiesOnly(exported);
    const manifest: PackageManifest = {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      author,
      schemaVersion: SCHEMA_FILE_VERSION,
      appVersion: run.appVersion,
      createdAt: workbenchJson.exportedAt,
      counts: countsOf(workbenchJson),
    };
    const zipped = zipSync(
      {
        [PACKAGE_MANIFEST_ENTRY]: [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { level: 0 }],
        [PACKAGE_WORKBENCH_ENTRY]: [strToU8(JSON.stringify(workbenchJson)), { level: 6 }],
      },
      { mtime: new Date(workbenchJson.exportedAt) },
    );
    run.signal?.throwIfAborted();
    const file = await AtomicFile.create(path);
    try {
      await file.write(zipped);
      await file.commit();
    } catch (error) {
      await file.discard();
      throw error;
    }
    return { ...report, manifest };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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

/**
 * The registry entries the author's spans point to, and the entries those were merged into: a
 * colleague receives the people and bodies of my spans, not my whole registry.
 */
function withLinkedEntitiesOnly(data: WorkbenchExport): WorkbenchExport {
  const byId = new Map(data.entities.map((entity) => [entity.id, entity]));
  const kept = new Set<number>();
  for (const annotation of data.articles.flatMap((article) => article.annotations)) {
    let id = annotation.entityId ?? null;
    while (id !== null && !kept.has(id)) {
      kept.add(id);
      id = byId.get(id)?.mergedInto ?? null;
    }
  }
  return { ...data, entities: data.entities.filter((entity) => kept.has(entity.id)) };
}
