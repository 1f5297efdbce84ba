import { unzipSync } from 'fflate';
import { formatBytes, type ImportLimits } from '../limits';
import { refused, type Extraction } from './types';
import type { MessageRef } from '../../../../shared/messages/backend-messages';

/**
 * A Word document's text through mammoth (loaded lazily, like jsdom); mammoth's closing blank
 * lines dropped. A .docx is a zip: its declared inflated size is checked against the file-size
 * limit BEFORE anything is inflated (a 680 kB zip bomb once became a 107-million-character
 * article), and the extracted text is checked again after.
 */
export async function extractDocx(bytes: Uint8Array, limits: ImportLimits): Promise<Extraction> {
  const inflated = declaredInflatedSize(bytes);
  if (inflated === null) return refused({ key: 'docxNotZip', params: {} });
  if (inflated > limits.maxFileBytes) {
    return refused({
      key: 'docxInflatesTooLarge',
      params: { size: formatBytes(inflated), limit: formatBytes(limits.maxFileBytes) },
    });
  }
  const mammoth = (await import('mammoth')).default;
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  } catch (error) {
    return refused({ key: 'docxUnreadable', params: { detail: (error as Error).message } });
  }
  if (result.value.length > limits.maxFileBytes) {
    return refused({ key: 'docxTextTooLong', params: { length: result.value.length, limit: limits.maxFileBytes } });
  }
  // mammoth's own words, in English: the note carries them as they are.
  const warnings = result.messages
    .filter((message) => message.type !== 'info')
    .map((message): MessageRef => ({ key: 'noteWordWarning', params: { detail: message.message } }));
  return {
    kind: 'documents',
    documents: [{ part: null, rawText: result.value.trimEnd(), given: {} }],
    skipped: [],
    notes: warnings,
  };
}

/** Sum of the sizes the zip's entries declare, read from its directory without inflating; null if not a zip. */
function declaredInflatedSize(bytes: Uint8Array): number | null {
  let total = 0;
  try {
    // The filter sees each entry's header and returning false skips inflating it.
    unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        return false;
      },
    });
  } catch {
    return null;
  }
  return total;
}
