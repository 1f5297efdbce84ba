import { z } from 'zod';
import { BACKEND_MESSAGE_KEYS } from '../messages/backend-messages';
import { API_ERROR_CODES, type ApiErrorPayload } from './api-error';

export * from './api-error';

/** A message of shared/messages/backend-messages.ts by key, for a UI to show in its language. */
export const MessageRefSchema = z.object({
  key: z.enum(BACKEND_MESSAGE_KEYS),
  // A param may be a message itself (the reason of "Cannot undo …: {{reason}}").
  get params(): z.ZodRecord<z.ZodString, z.ZodUnion<[z.ZodString, z.ZodNumber, typeof MessageRefSchema]>> {
    return z.record(z.string(), z.union([z.string(), z.number(), MessageRefSchema]));
  },
});

export const ApiErrorPayloadSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  /** English, for the command line and logs; `ref` (when set) is the same message by key. */
  message: z.string(),
  /** Which fields were wrong, for invalid_input. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  ref: MessageRefSchema.optional(),
});
// The hand-written type of api-error.ts is the schema's, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const payloadTypeMatches: Same<z.infer<typeof ApiErrorPayloadSchema>, ApiErrorPayload> = true;
void payloadTypeMatches;

/**
 * SQLite's "the database is locked" family (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED…),
 * recognised by the `code` better-sqlite3 puts on its errors, without importing it here.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}
