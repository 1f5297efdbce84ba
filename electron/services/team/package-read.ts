/**
 * Reads and validates an annotation package completely before anything is written: a package
 * that fails any check is refused whole, with a message naming the file and the problem
 * (not a zip, truncated, no manifest, malformed JSON, a newer format version, a text that does not
 * match its content hash, a span out of range or off its quote, a span of another author, counts
 * that differ from the manifest, a broken entity registry).
 */
import { strFromU8, unzipSync } from 'fflate';
import type { z } from 'zod';
import { WorkbenchExportSchema, type WorkbenchExport } from '../../../shared/codecs/workbench-json';
import { ApiError } from '../../../shared/contract/errors';
import { spanProblem } from '../../../shared/domain/spans';
import type { BackendMessageKey, MessageParams } from '../../../shared/messages/backend-messages';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_MANIFEST_ENTRY,
  PACKAGE_WORKBENCH_ENTRY,
  PackageManifestSchema,
  type PackageManifest,
} from '../../../shared/team/package-manifest';
import { isCanonical } from '../../../shared/text/canonical';
import { OffsetConverter } from '../../../shared/text/offsets';
import { entityRegistryProblem } from '../import/workbench/merge-entities';
import { formatBytes, type ImportLimits } from '../import/limits';
import { contentHashOf } from '../import/store-article';
import { countsOf } from './package-export';

/** A package that passed every check: what the import may write. */
export interface ValidPackage {
  fileName: string;
  manifest: PackageManifest;
  data: WorkbenchExport;
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

function refuse(key: BackendMessageKey, params: MessageParams): never {
  throw ApiError.of('rejected', key, params);
}

/** The first zod issue as `where` (a dotted path) and `detail`. */
function firstIssue(error: z.ZodError): { where: string; detail: string } {
  const issue = error.issues[0];
  return { where: issue?.path.join('.') || '(top)', detail: issue?.message ?? 'unknown problem' };
}

function parseJson(file: string, entry: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch (error) {
    return refuse('packageMalformedJson', { file, entry, detail: (error as Error).message });
  }
}

/** Checks `bytes` (the file `fileName`) as a package; throws an ApiError (`rejected`) naming the problem. */
export function readPackage(
  bytes: Uint8Array,
  fileName: string,
  limits: Pick<ImportLimits, 'maxFileBytes' | 'maxRecordsPerFile'>,
): ValidPackage {
  const file = fileName;
  const limit = formatBytes(limits.maxFileBytes);
  if (bytes.length > limits.maxFileBytes) refuse('packageTooLarge', { file, size: formatBytes(bytes.length), limit });
  if (!ZIP_LOCAL_HEADER.every((byte, index) => bytes[index] === byte)) refuse('packageNotZip', { file });
  const entries = unzip(bytes, file, limits.maxFileBytes);

  const manifestBytes = entries[PACKAGE_MANIFEST_ENTRY];
  if (!manifestBytes) return refuse('packageNoManifest', { file, entry: PACKAGE_MANIFEST_ENTRY });
  const manifestJson = parseJson(file, PACKAGE_MANIFEST_ENTRY, manifestBytes) as Record<string, unknown> | null;
  // The version first: a newer package may have fields this reader does not know.
  const version = manifestJson?.formatVersion;
  if (manifestJson?.format === PACKAGE_FORMAT && typeof version === 'number' && version > PACKAGE_FORMAT_VERSION)
    refuse('packageNewerVersion', { file, version, supported: PACKAGE_FORMAT_VERSION });
  const manifestParsed = PackageManifestSchema.safeParse(manifestJson);
  if (!manifestParsed.success)
    refuse('packageInvalid', { file, entry: PACKAGE_MANIFEST_ENTRY, ...firstIssue(manifestParsed.error) });
  const manifest = manifestParsed.data;

  const workbenchBytes = entries[PACKAGE_WORKBENCH_ENTRY];
  if (!workbenchBytes) return refuse('packageNoWorkbench', { file, entry: PACKAGE_WORKBENCH_ENTRY });
  const parsed = WorkbenchExportSchema.safeParse(parseJson(file, PACKAGE_WORKBENCH_ENTRY, workbenchBytes));
  if (!parsed.success) refuse('packageInvalid', { file, entry: PACKAGE_WORKBENCH_ENTRY, ...firstIssue(parsed.error) });
  const data = parsed.data;
  if (data.articles.length > limits.maxRecordsPerFile)
    refuse('packageInvalid', {
      file,
      entry: PACKAGE_WORKBENCH_ENTRY,
      where: 'articles',
      detail: `${data.articles.length} articles, more than the limit of ${limits.maxRecordsPerFile} per file`,
    });
  checkArticles(file, manifest, data);
  const registryProblem = entityRegistryProblem(
    data.entities,
    data.articles.flatMap((article, articleIndex) =>
      article.annotations.flatMap((annotation, index) =>
        annotation.entityId === undefined
          ? []
          : [{ entityId: annotation.entityId, where: `articles.${articleIndex}.annotations.${index}` }],
      ),
    ),
  );
  if (registryProblem) refuse('packageBrokenRegistry', { file, where: registryProblem });
  const counts = countsOf(data);
  for (const what of ['articles', 'annotations', 'relations', 'entityLinks'] as const) {
    if (counts[what] !== manifest.counts[what])
      refuse('packageCountsDiffer', { file, what, expected: manifest.counts[what], found: counts[what] });
  }
  return { fileName, manifest, data };
}

/** The entries, with their declared inflated size checked before anything is inflated. */
function unzip(bytes: Uint8Array, file: string, maxBytes: number): Record<string, Uint8Array> {
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        declared += entry.originalSize;
        return false;
      },
    });
  } catch (error) {
    return refuse('packageTruncated', { file, detail: (error as Error).message });
  }
  if (declared > maxBytes)
    refuse('packageTooLarge', { file, size: formatBytes(declared), limit: formatBytes(maxBytes) });
  try {
    return unzipSync(bytes, {
      filter: (entry) => entry.name === PACKAGE_MANIFEST_ENTRY || entry.name === PACKAGE_WORKBENCH_ENTRY,
    });
  } catch (error) {
    return refuse('packageTruncated', { file, detail: (error as Error).message });
  }
}

/** Every text matches its hash and is canonical; every span is the package author's and sits on its quote. */
function checkArticles(file: string, manifest: PackageManifest, data: WorkbenchExport): void {
  for (const [articleIndex, article] of data.articles.entries()) {
    const fullText = article.text + (article.trimmedText ?? '');
    const title = article.title ?? article.text.slice(0, 60);
    if (contentHashOf(fullText) !== article.contentHash)
      refuse('packageHashMismatch', { file, article: article.id, title });
    if (!isCanonical(fullText))
      refuse('packageInvalid', {
        file,
        entry: PACKAGE_WORKBENCH_ENTRY,
        where: `articles.${articleIndex}.text`,
        detail: 'the text is not canonical (NFC, LF)',
      });
    const converter = new OffsetConverter(article.text);
    const ids = new Set<number>();
    for (const annotation of article.annotations) {
      const where = {
        file,
        article: article.id,
        annotation: annotation.id,
        label: annotation.label,
        start: annotation.start,
        end: annotation.end,
      };
      if (annotation.author !== manifest.author)
        refuse('packageOtherAuthor', {
          file,
          article: article.id,
          annotation: annotation.id,
          found: annotation.author,
          author: manifest.author,
        });
      let problem: string | null;
      try {
        const start = converter.toU16(annotation.start, data.offset_unit);
        const end = converter.toU16(annotation.end, data.offset_unit);
        problem = spanProblem(article.text, start, end, annotation.quote);
      } catch (error) {
        problem = (error as Error).message;
      }
      if (problem) refuse('packageSpanInvalid', { ...where, problem });
      ids.add(annotation.id);
    }
    for (const [index, relation] of article.relations.entries()) {
      const missing = [relation.head, relation.tail].find((id) => !ids.has(id));
      if (missing !== undefined)
        refuse('packageInvalid', {
          file,
          entry: PACKAGE_WORKBENCH_ENTRY,
          where: `articles.${articleIndex}.relations.${index}`,
          detail: `annotation ${missing} is not an annotation of the article`,
        });
    }
  }
}
