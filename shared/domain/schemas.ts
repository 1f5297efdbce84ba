/**
 * Domain objects as zod schemas; the TypeScript types are inferred from them so the contract,
 * the store and the renderer cannot drift apart.
 *
 * Offsets (`start`, `end`) are UTF-16 code units on the article's canonical text, `[start, end)`.
 * Exports convert them to the unit the user picks (code points by default).
 */
import { z } from 'zod';
import { ARTICLE_STATUSES } from './article-status';
import { AttributeValuesSchema } from './attribute-values';

export { ARTICLE_STATUSES, type ArticleStatus } from './article-status';
export const ArticleStatusSchema = z.enum(ARTICLE_STATUSES);

/** Analytic labels are painted as backgrounds, entity labels as underlines. */
export const LabelKindSchema = z.enum(['analytic', 'entity']);
export type LabelKind = z.infer<typeof LabelKindSchema>;

export const LabelKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'label keys are upper-case ASCII, e.g. PER or RISK');

/**
 * A label's hotkey in the reader: one printable ASCII character as KeyboardEvent.key gives it, so
 * `c` is the C key and `C` is Shift+C; digits and punctuation are the character typed.
 */
export const LabelHotkeySchema = z.string().regex(/^[!-~]$/, 'a hotkey is one key: a letter, a digit or a sign');

export const LabelColorSchema = z.string().regex(/^#[0-9a-f]{6}$/i, 'colours are #rrggbb, e.g. #e8590c');

/**
 * Fields added with the label editor (migration 005) default, so files written before it
 * (workbench exports, schema files) still read.
 */
export const LABEL_DESCRIPTION_MAX_CHARS = 2000;
export const LABEL_GUIDELINE_MAX_CHARS = 20_000;

export const LabelSchema = z.object({
  key: LabelKeySchema,
  nameVi: z.string().trim().min(1, 'a Vietnamese name is needed'),
  nameEn: z.string().trim().min(1, 'an English name is needed'),
  color: LabelColorSchema,
  hotkey: LabelHotkeySchema.nullable(),
  kind: LabelKindSchema,
  description: z.string().max(LABEL_DESCRIPTION_MAX_CHARS),
  sortOrder: z.number().int(),
  /** The label this one refines (RISK for CYBER); null at the top of the tree. */
  parentKey: LabelKeySchema.nullable().default(null),
  /** Hidden from the palette and hotkeys; its annotations stay and are shown. */
  hidden: z.boolean().default(false),
  /** Longer guidance for annotators: when to use the label, borderline cases. */
  guideline: z.string().max(LABEL_GUIDELINE_MAX_CHARS).default(''),
});
export type Label = z.infer<typeof LabelSchema>;

/**
 * A label's definition beside its key and its hidden flag, in the order the editor and a schema
 * file's preview list them. The editor also edits the key; a schema file also sets `hidden`.
 */
export const LABEL_DEFINITION_FIELDS = [
  'nameVi',
  'nameEn',
  'color',
  'hotkey',
  'kind',
  'description',
  'guideline',
  'sortOrder',
  'parentKey',
] as const satisfies readonly (keyof Label)[];

export const ArticleIdSchema = z.number().int().positive();
export const AnnotationIdSchema = z.number().int().positive();

/** ISO-8601 timestamp (UTC) written by the store. */
const TimestampSchema = z.string();

export const ArticleSummarySchema = z.object({
  id: ArticleIdSchema,
  /** The title as found or edited; null when the article has none. */
  title: z.string().nullable(),
  /** What the library shows: the title, or the first words of the text. */
  displayTitle: z.string(),
  source: z.string().nullable(),
  /** Publication date/time as found in the article, ISO-8601 when it could be parsed. */
  publishedAt: z.string().nullable(),
  wordCount: z.number().int().nonnegative(),
  annotationCount: z.number().int().nonnegative(),
  status: ArticleStatusSchema,
  importedAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const ArticleSchema = ArticleSummarySchema.extend({
  /** Canonical text; every annotation offset points into it. */
  text: z.string(),
  byline: z.string().nullable(),
  url: z.string().nullable(),
  /** The file the article was imported from, when there was one. */
  fileName: z.string().nullable(),
  contentHash: z.string(),
  /** Site chrome cut off the end of the text at import, shown collapsed; null when none. */
  trimmedText: z.string().nullable(),
});
export type Article = z.infer<typeof ArticleSchema>;

export const ArticleMetadataPatchSchema = z
  .object({
    title: z.string().nullable(),
    source: z.string().nullable(),
    byline: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .partial();
export type ArticleMetadataPatch = z.infer<typeof ArticleMetadataPatchSchema>;

/**
 * How an annotation (and every change set) came about: by hand, from an imported file, from a
 * model's suggestion, or from merging colleagues' work. One list: changes.ts re-exports it.
 */
export const ANNOTATION_ORIGINS = ['manual', 'import', 'model', 'merge'] as const;
export const AnnotationOriginSchema = z.enum(ANNOTATION_ORIGINS);
export type AnnotationOrigin = z.infer<typeof AnnotationOriginSchema>;

export const OffsetSchema = z.number().int().nonnegative();

export const AnnotationSchema = z.object({
  id: AnnotationIdSchema,
  articleId: ArticleIdSchema,
  labelKey: LabelKeySchema,
  start: OffsetSchema,
  end: OffsetSchema,
  /** The covered text, `text.slice(start, end)`: a check value for every consumer. */
  quote: z.string(),
  note: z.string(),
  /** Display name of who made it (the local profile, or the author named in an imported file). */
  author: z.string(),
  origin: AnnotationOriginSchema,
  /** Typed attribute values by attribute key (attributes.ts); absent when none is set. */
  attributes: AttributeValuesSchema.optional(),
  /** The id it had in the file it was imported from; absent for annotations made here. */
  importedId: z.number().int().positive().optional(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Annotation = z.infer<typeof AnnotationSchema>;
