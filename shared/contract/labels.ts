import { z } from 'zod';
import { defineCall } from './call';
import { MessageRefSchema } from './errors';
import { AppliedChangesSchema, HistoryStateSchema } from '../domain/changes';
import { SchemaFileSchema } from '../domain/schema-file';
import { ArticleIdSchema, LabelKeySchema } from '../domain/schemas';

/** Definitions (attributes as `LABEL.key`, document fields by key) a schema file adds, changes or removes. */
const DefinitionsPreviewSchema = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  /** With the stored values they hold here (spans or articles): any refuses the import. */
  removed: z.array(z.object({ key: z.string(), valueCount: z.number().int().nonnegative() })),
});
export type DefinitionsPreview = z.infer<typeof DefinitionsPreviewSchema>;

/** What importing a schema file would do here, before it is done. */
export const SchemaImportPreviewSchema = z.object({
  added: z.array(LabelKeySchema),
  /** Labels in both, with the fields that would change. */
  changed: z.array(z.object({ key: LabelKeySchema, fields: z.array(z.string()) })),
  /** Labels here that the file lacks; unused ones are removed with the import. */
  removed: z.array(z.object({ key: LabelKeySchema, annotationCount: z.number().int().nonnegative() })),
  /** Attribute and document field definitions (a version 1 file has none: they stay as they are). */
  attributes: DefinitionsPreviewSchema,
  fields: DefinitionsPreviewSchema,
  /** Why the import is refused (it would orphan annotations or delete values), or null when it can be applied. */
  refusal: z.string().nullable(),
  /** The same reason by catalogue key, for the UI's language. */
  refusalRef: MessageRefSchema.nullable(),
});
export type SchemaImportPreview = z.infer<typeof SchemaImportPreviewSchema>;

/** The schema file as the renderer hands it over: parsed JSON, checked by the service with messages naming the field. */
const SchemaFileInput = z.object({ file: z.unknown() }).strict();
const ReaderScope = z.object({ articleId: ArticleIdSchema }).strict();

/**
 * The label schema. Reads here; every edit is a `label.*` change set through `applyChanges`, on
 * the corpus-wide history (`undo({articleId: null})`).
 */
export const labelCalls = {
  /** Annotations per label key (labels without any are absent). */
  getLabelUsage: defineCall(z.object({}).strict(), z.record(z.string(), z.number().int().nonnegative())),
  exportSchema: defineCall(z.object({}).strict(), SchemaFileSchema),
  previewSchemaImport: defineCall(SchemaFileInput, SchemaImportPreviewSchema),
  /** Makes the file's labels the schema, as one change set; refused when it would orphan annotations. */
  importSchema: defineCall(SchemaFileInput, AppliedChangesSchema),
  /**
   * The reader's undo: the newest step of the article's history or of the corpus-wide history
   * (schema edits made by hand), so Ctrl+Z in the reader also takes back a label edit.
   */
  undoNewest: defineCall(ReaderScope, AppliedChangesSchema.nullable()),
  redoNewest: defineCall(ReaderScope, AppliedChangesSchema.nullable()),
  getNewestHistoryState: defineCall(ReaderScope, HistoryStateSchema),
};

export type LabelCallName = keyof typeof labelCalls;
