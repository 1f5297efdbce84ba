import { strFromU8, unzipSync } from 'fflate';
import { bratAnnotations } from '../../../../shared/import/peers/brat';
import { PACKAGE_MANIFEST_ENTRY } from '../../../../shared/team/package-manifest';
import { formatBytes, type ImportLimits } from '../limits';
import { refused, type Extraction, type SkippedPart, type SourceDocument } from './types';

/**
 * A zip of brat standoff pairs (`name.txt` + `name.ann`, any folders): one article per pair.
 * The declared inflated size is checked against the limit before anything is inflated.
 */
export function extractBratZip(bytes: Uint8Array, limits: ImportLimits): Extraction {
  let declared = 0;
  let isPackage = false;
  let files: Record<string, Uint8Array>;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        declared += entry.originalSize;
        isPackage ||= entry.name === PACKAGE_MANIFEST_ENTRY;
        return false;
      },
    });
    // A colleague's package dropped on the import: it has its own import, which keeps their layer.
    if (isPackage) return refused({ key: 'zipIsPackage', params: {} });
    if (declared > limits.maxFileBytes) {
      return refused({
        key: 'zipInflatesTooLarge',
        params: { size: formatBytes(declared), limit: formatBytes(limits.maxFileBytes) },
      });
    }
    files = unzipSync(bytes, { filter: (entry) => /\.(txt|ann)$/i.test(entry.name) });
  } catch (error) {
    return refused({ key: 'zipUnreadable', params: { detail: (error as Error).message } });
  }
  const documents: SourceDocument[] = [];
  const skipped: SkippedPart[] = [];
  for (const name of Object.keys(files)
    .filter((file) => file.toLowerCase().endsWith('.txt'))
    .sort()) {
    const ann = files[`${name.slice(0, -4)}.ann`];
    if (!ann) {
      skipped.push({ part: name, reason: { key: 'bratNoAnn', params: {} } });
      continue;
    }
    const text = strFromU8(files[name] as Uint8Array);
    documents.push({ part: name, rawText: text, given: {}, annotations: bratAnnotations(text, strFromU8(ann)) });
  }
  if (documents.length === 0 && skipped.length === 0) return refused({ key: 'bratNoPairs', params: {} });
  return { kind: 'documents', documents, skipped, notes: [] };
}
