/** A quote cut for a message, a history line or a list entry. */
export function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}
