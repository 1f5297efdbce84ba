import { refused, type Extraction } from './types';

/** A Word document's text through mammoth (loaded lazily, like jsdom); mammoth's closing blank lines dropped. */
export async function extractDocx(bytes: Uint8Array): Promise<Extraction> {
  const mammoth = (await import('mammoth')).default;
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  } catch (error) {
    return refused(`Not a readable Word (.docx) document: ${(error as Error).message}`);
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
