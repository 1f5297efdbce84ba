/**
 * File name + bytes → the articles inside. Text-based formats are decoded first (./../decode),
 * so every one of them gets the same encoding detection and refusals.
 */
import { extname } from 'node:path';
import { decodeText } from '../decode';
import { extractCsv } from './csv';
import { extractDocx } from './docx';
import { extractHtml } from './html';
import { extractJson, extractJsonLines } from './json';
import { refused, type Extraction } from './types';

type TextExtractor = (text: string) => Extraction | Promise<Extraction>;

const plainText: TextExtractor = (text) => ({
  kind: 'documents',
  documents: [{ part: null, rawText: text, given: {} }],
  skipped: [],
  notes: [],
});

const TEXT_FORMATS: Record<string, TextExtractor> = {
  '.txt': plainText,
  '.md': plainText,
  '.html': extractHtml,
  '.htm': extractHtml,
  '.csv': extractCsv,
  '.json': extractJson,
  '.jsonl': extractJsonLines,
};

export const SUPPORTED_EXTENSIONS = [...Object.keys(TEXT_FORMATS), '.docx'];

/** The articles in one file; never throws for bad content (a refusal says why). */
export async function extractDocuments(
  name: string,
  bytes: Uint8Array,
): Promise<{ extraction: Extraction; encoding: string | null }> {
  const extension = extname(name).toLowerCase();
  if (extension === '.docx') return { extraction: await extractDocx(bytes), encoding: null };
  const extractor = TEXT_FORMATS[extension];
  if (!extractor) {
    const hint = extension === '.doc' ? ' Save old Word files as .docx first.' : '';
    return {
      extraction: refused(
        `Unsupported file type "${extension || '(none)'}"; supported: ${SUPPORTED_EXTENSIONS.join(', ')}.${hint}`,
      ),
      encoding: null,
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { extraction: refused(decoded.reason, decoded.preview), encoding: null };
  return { extraction: await extractor(decoded.text), encoding: decoded.encoding };
}
