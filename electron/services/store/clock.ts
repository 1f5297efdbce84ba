/** Store timestamps: ISO-8601 UTC with milliseconds, sortable as text. */
export function nowIso(): string {
  return new Date().toISOString();
}
