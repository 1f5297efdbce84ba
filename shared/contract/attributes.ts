import { z } from 'zod';
import { defineCall } from './call';
import { AttributeDefSchema, FieldDefSchema } from '../domain/attributes';

const Empty = z.object({}).strict();

/** Reads of attribute and field definitions; writes are change sets (the library filters by field through queryLibrary). */
export const attributeCalls = {
  /** Every label's attribute definitions, by label key then display order. */
  listAttributeDefs: defineCall(Empty, z.array(AttributeDefSchema)),
  /** The document fields, in display order. */
  listFieldDefs: defineCall(Empty, z.array(FieldDefSchema)),
};
