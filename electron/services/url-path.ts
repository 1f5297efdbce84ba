/**
 * Percent-decodes a URL path (or one segment of it). Null for malformed encoding such as
 * `%E0%A4%A` or `%ZZ`, which `decodeURIComponent` throws on: every front end answers 400
 * to such a request instead of crashing the handler.
 */
export function decodeUrlPath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
