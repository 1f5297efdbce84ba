import { unzipSync } from 'fflate';
import { formatBytes, type ImportLimits } from '../limits';
import { refused, type Extraction } from './types';

/**
 * A Word document's text through mammoth (loaded lazily, like jsdom); mammoth's closing blank
 * lines dropped. A .docx is a zip: its declared inflated size is checked against the file-size
 * limit BEFORE anything is inflated (a 680 kB zip bomb once became a 107-million-character
 * article), and the extracted text is checked again after.
 */
export async function extractDocx(bytes: Uint8Array, limits: ImportLimits): Promise<Extraction> {
  const inflated = declaredInflatedSize(bytes);
  if (inflated === null) return refused('Not a readable Word (.docx) document: it is not a zip archive.');
  if (inflated > limits.maxFileBytes) {
    return refused(
      `The document inflates to ${formatBytes(inflated)}, past the ${formatBytes(limits.maxFileBytes)} limit (a zip bomb, or a document too large to import).`,
    );
  }
  const mammoth = (await import('mammoth')).default;
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  } catch (error) {
    return refused(`Not a readable Word (.docx) document: ${(error as Error).message}`);
  }
  if (result.value.length > limits.maxFileBytes) {
    return refused(
      `The document's text is ${result.value.length.toLocaleString('en-US')} characters, past the limit of ${limits.maxFileBytes.toLocaleString('en-US')}.`,
    );
  }
  const warnings = result.messages
    .filter((message) => message.type !== 'info')
    .map((message) => `Word: ${message.message}`);
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
