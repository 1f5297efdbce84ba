import { z } from 'zod';
import { defineCall } from './call';
import { AppliedChangesSchema, ChangeSetSchema } from '../domain/changes';
import { DisplayNameSchema, ProfileSchema } from '../domain/profile';

export const changeCalls = {
  /** The one write call: a set of changes applied all-or-nothing and recorded as one undo step. */
  applyChanges: defineCall(ChangeSetSchema, AppliedChangesSchema),
  /** The local profile; until the user sets a name it is the OS user name with isSet false. */
  getProfile: defineCall(z.object({}).strict(), ProfileSchema),
  setProfile: defineCall(z.object({ displayName: DisplayNameSchema }).strict(), ProfileSchema),
};
