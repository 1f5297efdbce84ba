/**
 * An annotation package ("Export my work", issue 15): one zip holding `manifest.json` (this
 * schema) and `workbench.json`, a workbench JSON export (shared/codecs/workbench-json.ts) of one
 * author's layer: the articles they annotated with their texts and content hashes, the schema,
 * and their spans with attribute values, relations and entity links.
 */
import { fileNamePart } from '../text/file-name';
import { z } from 'zod';
import { AuthorSchema } from '../domain/changes';

/** The author of the adjudicated layer (issue 15 §4): exported and compared like any annotator. */
export const GOLD_AUTHOR = 'gold';

export const PACKAGE_FORMAT = 'marginalia-package';
/** Bumped when a reader of this version could misread a newer package; newer ones are refused. */
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_MANIFEST_ENTRY = 'manifest.json';
export const PACKAGE_WORKBENCH_ENTRY = 'workbench.json';
/** What a package file is called: `marginalia-work-Bình-2026-11-30.mpkg.zip`. */
export const PACKAGE_EXTENSION = '.mpkg.zip';

const Count = z.number().int().nonnegative();

export const PackageManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  /** Checked before anything else, so a newer package is refused by its version, not by a field it added. */
  formatVersion: z.number().int().positive(),
  /** Whose layer the package holds: every span in it is theirs. */
  author: AuthorSchema.min(1),
  /** The label schema's version (schema-file.ts) of the workbench that wrote it. */
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  createdAt: z.string(),
  counts: z.object({ articles: Count, annotations: Count, relations: Count, entityLinks: Count }),
});
export type PackageManifest = z.infer<typeof PackageManifestSchema>;

/** The file name a package is offered under: the author's name kept, path characters removed. */
export function packageFileName(author: string, date: Date): string {
  return `marginalia-work-${fileNamePart(author, 'author')}-${date.toISOString().slice(0, 10)}${PACKAGE_EXTENSION}`;
}
