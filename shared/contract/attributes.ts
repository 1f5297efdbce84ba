import { z } from 'zod';
import { defineCall } from './call';
import { AttributeDefSchema, AttributeKeySchema, FieldDefSchema } from '../domain/attributes';
import { ArticleIdSchema } from '../domain/schemas';

const Empty = z.object({}).strict();

/** Reads of attribute and field definitions and the library's field filter; writes are change sets. */
export const attributeCalls = {
  /** Every label's attribute definitions, by label key then display order. */
  listAttributeDefs: defineCall(Empty, z.array(AttributeDefSchema)),
  /** The document fields, in display order. */
  listFieldDefs: defineCall(Empty, z.array(FieldDefSchema)),
  /**
   * The ids of articles whose field `key` has `value` (an enum field: holds that option; a text
   * field: contains that text, ignoring case), ascending.
   */
  findArticlesByField: defineCall(
    z
      .object({ key: AttributeKeySchema, value: z.union([z.string().min(1).max(200), z.number(), z.boolean()]) })
      .strict(),
    z.array(ArticleIdSchema),
  ),
};
