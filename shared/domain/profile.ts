import { z } from 'zod';

export const DISPLAY_NAME_MAX_CHARS = 80;

/** The analyst's display name, stored as the author of everything they change. */
export const DisplayNameSchema = z
  .string({ error: 'The display name must be text.' })
  .trim()
  .min(1, 'The display name cannot be empty.')
  .max(DISPLAY_NAME_MAX_CHARS, `The display name can be at most ${DISPLAY_NAME_MAX_CHARS} characters long.`);

export const ProfileSchema = z.object({
  displayName: z.string(),
  /** False until the user has chosen a name; the name is then the OS user name. */
  isSet: z.boolean(),
});
export type Profile = z.infer<typeof ProfileSchema>;
