/**
 * The stored form of attribute and field values, apart from their definitions (attributes.ts) so
 * that the annotation schema can hold them without an import cycle.
 */
import { z } from 'zod';

/** Keys of attributes, fields and enum options: lower-case ASCII, stable across languages and exports. */
export const AttributeKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'attribute and field keys are lower-case ASCII, e.g. severity or time_ref');
export const OptionValueSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]{0,31}$/, 'option values are lower-case ASCII, e.g. high or state_leader');

/** The longest free-text value: an analyst summary of a few paragraphs. */
export const MAX_TEXT_VALUE_CHARS = 4000;

/**
 * A stored value: an enum option (or several), a boolean, a number, a date (`2024-03-05`,
 * `2024-03`, `--03-05`), text, or the id of another span of the same article. Its meaning comes
 * from the definition; `valueProblem` checks it against one.
 */
export const AttributeValueSchema = z.union([
  z.string().max(MAX_TEXT_VALUE_CHARS),
  z.number().finite(),
  z.boolean(),
  z.array(OptionValueSchema).max(60),
]);
export type AttributeValue = z.infer<typeof AttributeValueSchema>;

/** The attributes set on one span, by attribute key. A missing key is an unset attribute. */
export const AttributeValuesSchema = z.record(AttributeKeySchema, AttributeValueSchema);
export type AttributeValues = z.infer<typeof AttributeValuesSchema>;
