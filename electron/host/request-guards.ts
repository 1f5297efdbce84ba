import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER } from '../../shared/contract/names';
import type { ImportLimits } from '../services/import/limits';

export { TOKEN_HEADER };

/**
 * The token travels in a header on API calls. Only GET routes a page opens without fetch
 * (a download link, an EventSource) may carry it in the query string: a token there leaks
 * into logs and history, and a POST with it would be a blind write from any page that
 * learned it.
 */
export function hasToken(request: IncomingMessage, url: URL, expected: string, queryAllowed: boolean): boolean {
  const header = request.headers[TOKEN_HEADER];
  const given = (Array.isArray(header) ? header[0] : header) ?? (queryAllowed ? url.searchParams.get('token') : null);
  if (given === null || given === undefined) return false;
  const givenBuffer = Buffer.from(given);
  const expectedBuffer = Buffer.from(expected);
  return givenBuffer.length === expectedBuffer.length && timingSafeEqual(givenBuffer, expectedBuffer);
}

/** A request a browser sent from another site's page carries that site's Origin. */
export function isForeignOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  return origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`;
}

/**
 * The largest request body the browser host reads: an upload of the largest importable file
 * (base64 grows bytes by 4/3) or of several files up to `uploadBytes` in total, plus room for
 * the JSON around it. Not a fixed 512 MB: a body that no import could accept is refused unread.
 */
export function maxRequestBodyBytes(limits: ImportLimits, uploadBytes: number): number {
  const largest = Math.max(limits.maxFileBytes, uploadBytes);
  return Math.ceil(largest / 3) * 4 + 1024 * 1024;
}

/** Bodies above this size count as large: only a few are read at a time. */
export const LARGE_BODY_BYTES = 1024 * 1024;

/** Counts large bodies being read; past the cap a new one is refused (503) instead of buffered. */
export class BodySlots {
  private inUse = 0;
  constructor(private readonly max: number) {}
  tryTake(): boolean {
    if (this.inUse >= this.max) return false;
    this.inUse++;
    return true;
  }
  release(): void {
    this.inUse--;
  }
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false; status: 413 | 503 };

/**
 * Reads a body, joined into one buffer once at the end, refusing it as soon as it passes
 * `maxBytes` (at once when Content-Length says so), or when it is large and `slots` has none
 * left. A refused body is not read further.
 */
export async function readBodyCapped(
  request: IncomingMessage,
  maxBytes: number,
  slots: BodySlots,
  largeBytes = LARGE_BODY_BYTES,
): Promise<BodyResult> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > maxBytes) return { ok: false, status: 413 };
  let slotTaken = false;
  const take = () => {
    if (slotTaken) return true;
    slotTaken = slots.tryTake();
    return slotTaken;
  };
  if (declared > largeBytes && !take()) return { ok: false, status: 503 };
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) return { ok: false, status: 413 };
      if (size > largeBytes && !take()) return { ok: false, status: 503 };
      chunks.push(chunk as Buffer);
    }
    return { ok: true, body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size) };
  } finally {
    if (slotTaken) slots.release();
  }
}
