/**
 * Team work between machines that share no server (issue 15): "Export my work" writes one
 * author's layer as an annotation package (shared/team/package-manifest.ts); "Import a
 * colleague's package" checks the whole package first (previewPackage), asks how labels this
 * workbench lacks or defines differently are mapped, and imports it on confirmation
 * (importPackage), all or nothing, their spans staying their layer.
 */
import { z } from 'zod';
import { defineCall } from './call';
import { AuthorSchema } from '../domain/changes';
import { PackageManifestSchema } from '../team/package-manifest';
import { ImportSourceSchema, ReviewDecisionsSchema, ReviewQuestionSchema } from './imports';

const Count = z.number().int().nonnegative();
const PackageIdSchema = z.string().min(1).max(100);

export const PackagePreviewSchema = z.object({
  /** Names the checked package, held by the host until imported or discarded (or 10 minutes). */
  packageId: PackageIdSchema,
  fileName: z.string(),
  manifest: PackageManifestSchema,
  /** The package's articles, and how many of them are here already (same content hash). */
  articles: z.object({ total: Count, alreadyHere: Count }),
  /** One `label` question per label of the package this workbench lacks or defines differently. */
  questions: z.array(ReviewQuestionSchema),
});
export type PackagePreview = z.infer<typeof PackagePreviewSchema>;

export const PackageImportReportSchema = z.object({
  fileName: z.string(),
  /** Whose layer was imported: their spans are stored under this author. */
  author: AuthorSchema,
  articlesAdded: Count,
  articlesMatched: Count,
  spansAdded: Count,
  /** Spans of theirs already here (an earlier import of the same package): not added twice. */
  spansAlreadyHere: Count,
  /** Spans of labels the user chose to skip in the mapping step. */
  spansSkipped: Count,
  /** What was mapped, added or kept, in English. */
  notes: z.array(z.string()),
});
export type PackageImportReport = z.infer<typeof PackageImportReportSchema>;

export const teamCalls = {
  /**
   * Writes `author`'s package (an export job: follow it with getExportJob; `path` null keeps it
   * for download, in the browser host).
   */
  startPackageExport: defineCall(
    z.object({ author: AuthorSchema.min(1), path: z.string().min(1).nullable() }).strict(),
    z.object({ jobId: z.string() }),
  ),
  /** Reads and checks one package file completely; writes nothing. Refused with the problem named. */
  previewPackage: defineCall(z.object({ source: ImportSourceSchema }).strict(), PackagePreviewSchema),
  /** Imports a previewed package as one transaction, with every question of the preview decided. */
  importPackage: defineCall(
    z.object({ packageId: PackageIdSchema, decisions: ReviewDecisionsSchema }).strict(),
    PackageImportReportSchema,
  ),
  /** Forgets a previewed package (the user cancelled the mapping step). */
  discardPackage: defineCall(z.object({ packageId: PackageIdSchema }).strict(), z.null()),
};
