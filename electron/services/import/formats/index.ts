/**
 * File name + bytes → the articles inside, through the import-format registry
 * (shared/import/import-formats.ts): each format there is bound to its extractor here. Text
 * formats are decoded first (../decode), so every one of them gets the same encoding detection,
 * legacy conversion and refusals.
 */
import {
  IMPORT_EXTENSIONS,
  importFormatOf,
  type IMPORT_FORMAT_REGISTRY,
  type ImportFormatName,
} from '../../../../shared/import/import-formats';
import { decodeText, type LegacyConversion } from '../decode';
import type { ImportLimits } from '../limits';
import type { MessageRef } from '../../../../shared/messages/backend-messages';
import { extractBratZip } from './brat';
import { extractConll } from './conll';
import { extractCsv } from './csv';
import { extractDocx } from './docx';
import { extractHtml } from './html';
import { extractJson, extractJsonLines } from './json';
import { extractMarkdown } from './markdown';
import { refused, type Extraction } from './types';

type TextExtractor = (text: string) => Extraction | Promise<Extraction>;
type BytesExtractor = (bytes: Uint8Array, limits: ImportLimits) => Extraction | Promise<Extraction>;

const plainText: TextExtractor = (text) => ({
  kind: 'documents',
  documents: [{ part: null, rawText: text, given: {} }],
  skipped: [],
  notes: [],
});

const EXTRACTORS = {
  text: { reads: 'text', extract: plainText },
  markdown: { reads: 'text', extract: extractMarkdown },
  html: { reads: 'text', extract: extractHtml },
  docx: { reads: 'bytes', extract: extractDocx },
  csv: { reads: 'text', extract: extractCsv },
  json: { reads: 'text', extract: extractJson },
  jsonl: { reads: 'text', extract: extractJsonLines },
  conll: { reads: 'text', extract: extractConll },
  brat: { reads: 'bytes', extract: extractBratZip },
} as const satisfies {
  [Name in ImportFormatName]: (typeof IMPORT_FORMAT_REGISTRY)[Name]['reads'] extends 'text'
    ? { reads: 'text'; extract: TextExtractor }
    : { reads: 'bytes'; extract: BytesExtractor };
};

export interface ExtractedFile {
  extraction: Extraction;
  encoding: string | null;
  notes: MessageRef[];
  /** Set when the text was converted from a legacy font encoding: the review asks about it. */
  legacy: LegacyConversion | null;
}

/** The articles in one file; never throws for bad content (a refusal says why). */
export async function extractDocuments(name: string, bytes: Uint8Array, limits: ImportLimits): Promise<ExtractedFile> {
  const format = importFormatOf(name);
  if (format === null) {
    const dot = name.lastIndexOf('.');
    const extension = dot > name.lastIndexOf('/') && dot >= 0 ? name.slice(dot).toLowerCase() : '';
    return {
      extraction: refused({
        key: extension === '.doc' ? 'importUnsupportedDoc' : 'importUnsupportedType',
        params: { extension: extension || '(none)', supported: IMPORT_EXTENSIONS.join(', ') },
      }),
      encoding: null,
      notes: [],
      legacy: null,
    };
  }
  const extractor = EXTRACTORS[format];
  if (extractor.reads === 'bytes')
    return { extraction: await extractor.extract(bytes, limits), encoding: null, notes: [], legacy: null };
  const decoded = decodeText(bytes);
  if (!decoded.ok)
    return { extraction: refused(decoded.reason, decoded.preview), encoding: null, notes: [], legacy: null };
  return {
    extraction: await extractor.extract(decoded.text),
    encoding: decoded.encoding,
    notes: decoded.notes ?? [],
    legacy: decoded.legacy ?? null,
  };
}
