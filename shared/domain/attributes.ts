/**
 * Typed attributes of spans (per label) and typed fields of articles: what a value may be, and
 * the one check every writer (the change handlers, the editors, the keyboard) runs on a value.
 *
 * An attribute is defined per label key (`RISK.severity`); its values live on the annotation as
 * a map `{ attributeKey: value }`. A document field is defined once for the corpus; its values
 * live per article. Both share the value types below, except that only an attribute may point at
 * another span of its article.
 */
import { z } from 'zod';
import { publishedDateProblem } from '../import/dates';
import type { BackendMessageKey, MessageParams, MessageRef } from '../messages/backend-messages';
import {
  AttributeKeySchema,
  AttributeValueSchema,
  AttributeValuesSchema,
  MAX_TEXT_VALUE_CHARS,
  OptionValueSchema,
  type AttributeValue,
  type AttributeValues,
} from './attribute-values';
import { LabelKeySchema } from './schemas';

export {
  AttributeKeySchema,
  AttributeValueSchema,
  AttributeValuesSchema,
  MAX_TEXT_VALUE_CHARS,
  OptionValueSchema,
  type AttributeValue,
  type AttributeValues,
};

export const ATTRIBUTE_TYPES = ['enum', 'boolean', 'number', 'date', 'text', 'span'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export const EnumOptionSchema = z
  .object({ value: OptionValueSchema, nameVi: z.string().min(1).max(100), nameEn: z.string().min(1).max(100) })
  .strict();
export type EnumOption = z.infer<typeof EnumOptionSchema>;

const EnumSpecSchema = z
  .object({
    type: z.literal('enum'),
    /** Several values at once (topics) or one (severity). */
    multiple: z.boolean(),
    options: z
      .array(EnumOptionSchema)
      .min(1, 'an enum needs at least one option')
      .max(60)
      .refine((options) => new Set(options.map((o) => o.value)).size === options.length, 'option values are unique'),
  })
  .strict();
const NumberSpecSchema = z
  .object({
    type: z.literal('number'),
    min: z.number().finite().nullable(),
    max: z.number().finite().nullable(),
    integer: z.boolean(),
  })
  .strict()
  .refine((spec) => spec.min === null || spec.max === null || spec.min <= spec.max, 'min is at most max');

const SpanSpecSchema = z
  .object({
    type: z.literal('span'),
    /** The labels the referenced span may have; empty: any label. */
    labelKeys: z.array(LabelKeySchema).max(50),
  })
  .strict();

const SIMPLE_SPECS = [
  z.object({ type: z.literal('boolean') }).strict(),
  z.object({ type: z.literal('date') }).strict(),
  z.object({ type: z.literal('text') }).strict(),
] as const;

export const FieldSpecSchema = z.discriminatedUnion('type', [EnumSpecSchema, NumberSpecSchema, ...SIMPLE_SPECS]);
export const AttributeSpecSchema = z.discriminatedUnion('type', [
  EnumSpecSchema,
  NumberSpecSchema,
  SpanSpecSchema,
  ...SIMPLE_SPECS,
]);
export type AttributeSpec = z.infer<typeof AttributeSpecSchema>;
export type FieldSpec = z.infer<typeof FieldSpecSchema>;

const NameSchema = z.string().trim().min(1).max(100);

export const AttributeDefSchema = z
  .object({
    labelKey: LabelKeySchema,
    key: AttributeKeySchema,
    nameVi: NameSchema,
    nameEn: NameSchema,
    /** A required attribute shows as missing on every span of its label until it is set. */
    required: z.boolean(),
    sortOrder: z.number().int(),
    spec: AttributeSpecSchema,
  })
  .strict();
export type AttributeDef = z.infer<typeof AttributeDefSchema>;

export const FieldDefSchema = z
  .object({
    key: AttributeKeySchema,
    nameVi: NameSchema,
    nameEn: NameSchema,
    required: z.boolean(),
    sortOrder: z.number().int(),
    spec: FieldSpecSchema,
  })
  .strict();
export type FieldDef = z.infer<typeof FieldDefSchema>;

/** A patch of attribute values: null clears one. */
export const AttributePatchSchema = z.record(AttributeKeySchema, AttributeValueSchema.nullable());
export type AttributePatch = z.infer<typeof AttributePatchSchema>;

const describeValue = (value: unknown): string => (typeof value === 'string' ? `“${value}”` : JSON.stringify(value));

/**
 * Why `value` does not fit `spec` (a catalogue message, shown in the UI's language), or null when
 * it does. Span references are only checked for form here (a positive integer id); the store
 * checks that the span exists in the same article.
 */
export function valueProblem(spec: AttributeSpec, value: unknown): MessageRef | null {
  const problem = (key: BackendMessageKey, params: MessageParams = {}): MessageRef => ({ key, params });
  const shown = describeValue(value);
  switch (spec.type) {
    case 'enum': {
      const allowed = spec.options.map((option) => option.value);
      const values = spec.multiple ? value : [value];
      if (spec.multiple && !Array.isArray(value)) return problem('valueNotOptionList', { value: shown });
      if (!Array.isArray(values)) return problem('valueNotOption', { value: shown });
      if (spec.multiple && values.length === 0) return problem('valueEmptyList');
      if (new Set(values).size !== values.length) return problem('valueOptionTwice');
      const unknown = values.find((one) => typeof one !== 'string' || !allowed.includes(one));
      if (unknown !== undefined)
        return problem('valueNotAllowedOption', { value: describeValue(unknown), allowed: allowed.join(', ') });
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : problem('valueNotBoolean', { value: shown });
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return problem('valueNotNumber', { value: shown });
      if (spec.integer && !Number.isInteger(value)) return problem('valueNotWhole', { value: String(value) });
      if (spec.min !== null && value < spec.min)
        return problem('valueBelowMin', { value: String(value), min: String(spec.min) });
      if (spec.max !== null && value > spec.max)
        return problem('valueAboveMax', { value: String(value), max: String(spec.max) });
      return null;
    }
    case 'date':
      if (typeof value !== 'string') return problem('valueNotDate', { value: shown });
      // The same dates as an article's publication date; the message names this value, not that field.
      return publishedDateProblem(value) ? problem('valueBadDate', { value }) : null;
    case 'text':
      if (typeof value !== 'string') return problem('valueNotText', { value: shown });
      if (value.trim() === '') return problem('valueEmptyText');
      return value.length > MAX_TEXT_VALUE_CHARS
        ? problem('valueTextTooLong', { max: String(MAX_TEXT_VALUE_CHARS) })
        : null;
    case 'span':
      return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
        ? null
        : problem('valueNotSpanId', { value: shown });
  }
}

/** Values that differ only in key order are the same (what undo must find, what a no-op patch is). */
export function sameValues(a: AttributeValues | undefined, b: AttributeValues | undefined): boolean {
  const left = Object.entries(a ?? {});
  if (left.length !== Object.keys(b ?? {}).length) return false;
  return left.every(([key, value]) => JSON.stringify(value) === JSON.stringify((b ?? {})[key]));
}

/** `values` with the patch applied (null clears); a result without keys is `{}`. */
export function patchValues(values: AttributeValues | undefined, patch: AttributePatch): AttributeValues {
  const next: AttributeValues = { ...values };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The definitions of one label in display order. */
export function attributesOfLabel(defs: readonly AttributeDef[], labelKey: string): AttributeDef[] {
  return defs
    .filter((def) => def.labelKey === labelKey)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key));
}

/** Required attributes of the span's label that it does not have yet. */
export function missingRequired(defs: readonly AttributeDef[], labelKey: string, values: AttributeValues | undefined) {
  return attributesOfLabel(defs, labelKey).filter((def) => def.required && values?.[def.key] === undefined);
}

/**
 * The one-key choices of an enum or boolean attribute, as the keyboard offers them after the
 * attribute prefix: each option gets the first letter of its value that no earlier option took
 * (high → h, past → p, present → r), and its position 1…9 works too.
 */
export function optionKeys(spec: AttributeSpec): { value: string | boolean; key: string }[] {
  const options: { value: string | boolean; text: string }[] =
    spec.type === 'enum'
      ? spec.options.map((option) => ({ value: option.value, text: option.value }))
      : spec.type === 'boolean'
        ? [
            { value: true, text: 'yes' },
            { value: false, text: 'no' },
          ]
        : [];
  const taken = new Set<string>();
  return options.map(({ value, text }, index) => {
    const letter = [...text].find((char) => /[a-z]/.test(char) && !taken.has(char));
    const key = letter ?? String(index + 1);
    taken.add(key);
    return { value, key };
  });
}

/** The attribute value chosen by a key after the prefix: its letter, or its position 1…9. */
export function optionForKey(spec: AttributeSpec, key: string): string | boolean | undefined {
  const keys = optionKeys(spec);
  const lower = key.toLowerCase();
  const byLetter = keys.find((option) => option.key === lower);
  if (byLetter) return byLetter.value;
  const position = /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
  return keys[position]?.value;
}

/** What a keyboard choice does to the current value: a multi-enum toggles the option, others set it. */
export function chooseOption(spec: AttributeSpec, current: AttributeValue | undefined, chosen: string | boolean) {
  if (spec.type !== 'enum' || !spec.multiple || typeof chosen !== 'string') return chosen;
  const list = Array.isArray(current) ? current : [];
  const next = list.includes(chosen) ? list.filter((value) => value !== chosen) : [...list, chosen];
  return next.length === 0 ? null : next;
}

/** A value as text for CSV cells and brat `A` lines: lists joined by `|`. */
export function valueAsText(value: AttributeValue): string {
  return Array.isArray(value) ? value.join('|') : String(value);
}
