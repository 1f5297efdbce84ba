/**
 * Change sets: the one shape every write takes. A set is applied all-or-nothing, in order, in one
 * transaction, recorded as one history entry, and undone or redone as a whole. New kinds
 * (relation.*, label.*, entity.*, article.field) are added as members of `ChangeSchema`.
 */
import { z } from 'zod';
import { MessageRefSchema } from '../contract/errors';
import { ASSIST_CHANGE_SCHEMAS, type AssistTransition } from '../assist/changes';
import { ADJUDICATION_CHANGE_SCHEMAS, type AdjudicationTransition } from '../adjudication/changes';
import {
  ANNOTATION_ORIGINS,
  AnnotationIdSchema,
  AnnotationOriginSchema,
  AnnotationSchema,
  ArticleIdSchema,
  ArticleSummarySchema,
  LabelKeySchema,
  LabelSchema,
  OffsetSchema,
  type Annotation,
  type Label,
} from './schemas';
import {
  AttributeDefSchema,
  AttributeKeySchema,
  AttributePatchSchema,
  AttributeSpecSchema,
  AttributeValueSchema,
  AttributeValuesSchema,
  FieldDefSchema,
  FieldSpecSchema,
  type AttributeDef,
  type AttributeValue,
  type FieldDef,
} from './attributes';
import {
  AliasesSchema,
  EntityIdSchema,
  EntityLinkSchema,
  EntityNameSchema,
  EntityNoteSchema,
  EntitySummarySchema,
  ExternalIdSchema,
  type Entity,
  type EntityLink,
} from './entities';
import {
  RelationIdSchema,
  RelationSchema,
  RelationTypeKeySchema,
  RelationTypeSchema,
  type Relation,
  type RelationType,
} from './relations';
import { BriefContentSchema, BriefIdSchema, BriefSummarySchema, BriefTitleSchema, type Brief } from '../brief/brief';

export const CHANGE_ORIGINS = ANNOTATION_ORIGINS;
export const ChangeOriginSchema = AnnotationOriginSchema;
export type ChangeOrigin = z.infer<typeof ChangeOriginSchema>;

/** A note is free text; the cap keeps one keystroke from storing a pasted novel. */
export const NoteSchema = z.string().max(10_000);

/** Who made a change: a display name (see profile.ts); '' when unknown (e.g. an old import). */
export const AuthorSchema = z.string().max(200);

/**
 * Where an imported annotation came from, kept as data: who made it, how and when, and the id it
 * had in the file (never reused as an id here). Only import and merge sets may carry it.
 */
export const ImportedProvenanceSchema = z
  .object({
    id: AnnotationIdSchema,
    author: AuthorSchema,
    origin: AnnotationOriginSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type ImportedProvenance = z.infer<typeof ImportedProvenanceSchema>;

/** A change's create ref: chosen by the caller, unique in the set, echoed in `createdIds`. */
const RefSchema = z.string().min(1).max(100);

export const AnnotationCreateChangeSchema = z
  .object({
    kind: z.literal('annotation.create'),
    /** Chosen by the caller, unique in the set; echoed in `createdIds` with the saved id. */
    ref: RefSchema,
    annotation: z
      .object({
        articleId: ArticleIdSchema,
        labelKey: LabelKeySchema,
        start: OffsetSchema,
        end: OffsetSchema,
        quote: z.string(),
        note: NoteSchema.optional(),
        /** Typed attribute values, checked against the label's attribute definitions. */
        attributes: AttributeValuesSchema.optional(),
        imported: ImportedProvenanceSchema.optional(),
      })
      .strict(),
  })
  .strict();

export const AnnotationUpdateChangeSchema = z
  .object({
    kind: z.literal('annotation.update'),
    id: AnnotationIdSchema,
    /** A new range needs the new quote too: it is checked against the text. */
    patch: z
      .object({
        labelKey: LabelKeySchema.optional(),
        start: OffsetSchema.optional(),
        end: OffsetSchema.optional(),
        quote: z.string().optional(),
        note: NoteSchema.optional(),
        /** Attribute values to set (null clears one); the others are kept. */
        attributes: AttributePatchSchema.optional(),
      })
      .strict(),
  })
  .strict();

export const AnnotationDeleteChangeSchema = z
  .object({ kind: z.literal('annotation.delete'), id: AnnotationIdSchema })
  .strict();

export const EntityCreateChangeSchema = z
  .object({
    kind: z.literal('entity.create'),
    ref: RefSchema,
    entity: z
      .object({
        name: EntityNameSchema,
        typeLabelKey: LabelKeySchema,
        aliases: AliasesSchema.optional(),
        externalId: ExternalIdSchema.nullable().optional(),
        note: EntityNoteSchema.optional(),
        /** The times it had in an imported file; only import and merge sets may carry them. */
        imported: z.object({ createdAt: z.string(), updatedAt: z.string() }).strict().optional(),
      })
      .strict(),
  })
  .strict();

export const EntityUpdateChangeSchema = z
  .object({
    kind: z.literal('entity.update'),
    id: EntityIdSchema,
    patch: z
      .object({
        name: EntityNameSchema.optional(),
        typeLabelKey: LabelKeySchema.optional(),
        aliases: AliasesSchema.optional(),
        externalId: ExternalIdSchema.nullable().optional(),
        note: EntityNoteSchema.optional(),
      })
      .strict(),
  })
  .strict();

export const RelationTypeCreateChangeSchema = z
  .object({ kind: z.literal('relationType.create'), type: RelationTypeSchema })
  .strict();

export const RelationTypeUpdateChangeSchema = z
  .object({
    kind: z.literal('relationType.update'),
    key: RelationTypeKeySchema,
    /** New allowed labels are checked against the stored relations of the type. */
    patch: RelationTypeSchema.omit({ key: true }).partial().strict(),
  })
  .strict();

/** Refused while relations of the type exist (delete or retype them first). */
export const RelationTypeDeleteChangeSchema = z
  .object({ kind: z.literal('relationType.delete'), key: RelationTypeKeySchema })
  .strict();

export const RelationCreateChangeSchema = z
  .object({
    kind: z.literal('relation.create'),
    /** Chosen by the caller, unique in the set; echoed in `createdIds` with the saved id. */
    ref: RefSchema,
    relation: z
      .object({
        articleId: ArticleIdSchema,
        typeKey: RelationTypeKeySchema,
        headId: AnnotationIdSchema,
        tailId: AnnotationIdSchema,
        note: NoteSchema.optional(),
      })
      .strict(),
  })
  .strict();

/** A new label; its hotkey must be free and its parent must exist. */
export const LabelCreateChangeSchema = z
  .object({ kind: z.literal('label.create'), label: LabelSchema.strict() })
  .strict();

/** Edits a label; a new `key` renames it everywhere (its annotations and sublabels follow). */
export const LabelUpdateChangeSchema = z
  .object({
    kind: z.literal('label.update'),
    key: LabelKeySchema,
    patch: LabelSchema.omit({ parentKey: true, hidden: true, guideline: true })
      .extend({ parentKey: LabelKeySchema.nullable(), hidden: z.boolean(), guideline: z.string().max(20_000) })
      .partial()
      .strict(),
  })
  .strict();

/** Deleting an entity unlinks its mentions in the same set. */
export const EntityDeleteChangeSchema = z.object({ kind: z.literal('entity.delete'), id: EntityIdSchema }).strict();

/**
 * Moves every link of `fromId` to `intoId`, unites the names into `intoId`'s aliases and leaves
 * `fromId` as a redirect to it.
 */
export const EntityMergeChangeSchema = z
  .object({ kind: z.literal('entity.merge'), fromId: EntityIdSchema, intoId: EntityIdSchema })
  .strict();

/**
 * Links a mention span to an entity (replacing any link it had), named by id or by the ref of an
 * `entity.create` earlier in the set. A span whose label is not the entity's type is refused
 * unless `allowTypeMismatch` says the user confirmed the warning.
 */
export const EntityLinkSetChangeSchema = z
  .object({
    kind: z.literal('entityLink.set'),
    annotationId: AnnotationIdSchema,
    entityId: EntityIdSchema.optional(),
    entityRef: RefSchema.optional(),
    allowTypeMismatch: z.boolean().optional(),
  })
  .strict()
  .refine(
    (change) => (change.entityId === undefined) !== (change.entityRef === undefined),
    'a link names its entity by entityId or by entityRef, exactly one of them',
  );

export const EntityLinkDeleteChangeSchema = z
  .object({ kind: z.literal('entityLink.delete'), annotationId: AnnotationIdSchema })
  .strict();

export const RelationUpdateChangeSchema = z
  .object({
    kind: z.literal('relation.update'),
    id: RelationIdSchema,
    patch: z.object({ typeKey: RelationTypeKeySchema.optional(), note: NoteSchema.optional() }).strict(),
  })
  .strict();

export const RelationDeleteChangeSchema = z
  .object({ kind: z.literal('relation.delete'), id: RelationIdSchema })
  .strict();

/**
 * Removes a label. Its annotations are deleted (`moveAnnotationsTo: null`) or moved to another
 * label; its sublabels move up to its parent.
 */
export const LabelDeleteChangeSchema = z
  .object({ kind: z.literal('label.delete'), key: LabelKeySchema, moveAnnotationsTo: LabelKeySchema.nullable() })
  .strict();

/** Moves every annotation and sublabel of `key` to `intoKey`, then removes `key`. */
export const LabelMergeChangeSchema = z
  .object({ kind: z.literal('label.merge'), key: LabelKeySchema, intoKey: LabelKeySchema })
  .strict();

/** Attribute definitions (schema edits, on the corpus-wide stack), keyed by label key and attribute key. */
export const AttributeDefCreateChangeSchema = z
  .object({ kind: z.literal('attributeDef.create'), def: AttributeDefSchema })
  .strict();
export const AttributeDefUpdateChangeSchema = z
  .object({
    kind: z.literal('attributeDef.update'),
    labelKey: LabelKeySchema,
    key: AttributeKeySchema,
    patch: AttributeDefSchema.pick({ nameVi: true, nameEn: true, required: true, sortOrder: true })
      .extend({ spec: AttributeSpecSchema })
      .partial()
      .strict(),
  })
  .strict();
export const AttributeDefDeleteChangeSchema = z
  .object({ kind: z.literal('attributeDef.delete'), labelKey: LabelKeySchema, key: AttributeKeySchema })
  .strict();

/** Document field definitions (corpus-wide) and values (on the article's stack). */
export const FieldDefCreateChangeSchema = z
  .object({ kind: z.literal('fieldDef.create'), def: FieldDefSchema })
  .strict();
export const FieldDefUpdateChangeSchema = z
  .object({
    kind: z.literal('fieldDef.update'),
    key: AttributeKeySchema,
    patch: FieldDefSchema.pick({ nameVi: true, nameEn: true, required: true, sortOrder: true })
      .extend({ spec: FieldSpecSchema })
      .partial()
      .strict(),
  })
  .strict();
export const FieldDefDeleteChangeSchema = z
  .object({ kind: z.literal('fieldDef.delete'), key: AttributeKeySchema })
  .strict();
export const FieldValueSetChangeSchema = z
  .object({
    kind: z.literal('fieldValue.set'),
    articleId: ArticleIdSchema,
    key: AttributeKeySchema,
    /** null clears the field. */
    value: AttributeValueSchema.nullable(),
  })
  .strict();

/**
 * Briefs (issue 16). Their sets are kept off every undo stack: the editor's own history (Lexical)
 * is the undo inside a brief, and saves every few hundred milliseconds must not bury the
 * article and corpus steps. `brief.setContent` replaces the whole serialised editor state.
 */
export const BriefCreateChangeSchema = z
  .object({
    kind: z.literal('brief.create'),
    ref: RefSchema,
    brief: z.object({ title: BriefTitleSchema, content: BriefContentSchema.optional() }).strict(),
  })
  .strict();
export const BriefRenameChangeSchema = z
  .object({ kind: z.literal('brief.rename'), id: BriefIdSchema, title: BriefTitleSchema })
  .strict();
export const BriefSetContentChangeSchema = z
  .object({ kind: z.literal('brief.setContent'), id: BriefIdSchema, content: BriefContentSchema })
  .strict();
export const BriefDeleteChangeSchema = z.object({ kind: z.literal('brief.delete'), id: BriefIdSchema }).strict();

export const ChangeSchema = z.discriminatedUnion('kind', [
  AnnotationCreateChangeSchema,
  AnnotationUpdateChangeSchema,
  AnnotationDeleteChangeSchema,
  AttributeDefCreateChangeSchema,
  AttributeDefUpdateChangeSchema,
  AttributeDefDeleteChangeSchema,
  FieldDefCreateChangeSchema,
  FieldDefUpdateChangeSchema,
  FieldDefDeleteChangeSchema,
  FieldValueSetChangeSchema,
  EntityCreateChangeSchema,
  EntityUpdateChangeSchema,
  EntityDeleteChangeSchema,
  EntityMergeChangeSchema,
  EntityLinkSetChangeSchema,
  EntityLinkDeleteChangeSchema,
  RelationTypeCreateChangeSchema,
  RelationTypeUpdateChangeSchema,
  RelationTypeDeleteChangeSchema,
  RelationCreateChangeSchema,
  RelationUpdateChangeSchema,
  RelationDeleteChangeSchema,
  ...ASSIST_CHANGE_SCHEMAS,
  ...ADJUDICATION_CHANGE_SCHEMAS,
  LabelCreateChangeSchema,
  LabelUpdateChangeSchema,
  LabelDeleteChangeSchema,
  LabelMergeChangeSchema,
  BriefCreateChangeSchema,
  BriefRenameChangeSchema,
  BriefSetContentChangeSchema,
  BriefDeleteChangeSchema,
]);
export type Change = z.infer<typeof ChangeSchema>;
export type ChangeKind = Change['kind'];

/** Enough for "annotate all" over a long article; larger jobs are split by their caller. */
export const MAX_CHANGES_PER_SET = 50_000;

export const ChangeSetSchema = z
  .object({
    /** Set for reader edits; undo/redo history is per article. Inferred when every change is in one article. */
    articleId: ArticleIdSchema.optional(),
    origin: ChangeOriginSchema,
    /** Defaults to the local profile's display name. */
    author: AuthorSchema.optional(),
    /** Defaults to one generated from the changes. */
    description: z.string().min(1).max(500).optional(),
    changes: z.array(ChangeSchema).min(1, 'a change set needs at least one change').max(MAX_CHANGES_PER_SET),
  })
  .strict();
export type ChangeSet = z.infer<typeof ChangeSetSchema>;

/**
 * What one change did, as stored in the history: the state before and after (null = absent).
 * Undo moves each from `after` back to `before`, in reverse order; redo from `before` to `after`.
 */
export interface AnnotationTransition {
  kind: 'annotation.create' | 'annotation.update' | 'annotation.delete';
  before: Annotation | null;
  after: Annotation | null;
}
export interface AttributeDefTransition {
  kind: 'attributeDef.create' | 'attributeDef.update' | 'attributeDef.delete';
  before: AttributeDef | null;
  after: AttributeDef | null;
}
export interface FieldDefTransition {
  kind: 'fieldDef.create' | 'fieldDef.update' | 'fieldDef.delete';
  before: FieldDef | null;
  after: FieldDef | null;
}
/** One article's value of one field, as stored. */
export interface FieldValueState {
  articleId: number;
  key: string;
  value: AttributeValue;
  author: string;
  updatedAt: string;
}
export interface FieldValueTransition {
  kind: 'fieldValue.set';
  before: FieldValueState | null;
  after: FieldValueState | null;
}
export interface EntityTransition {
  kind: 'entity.create' | 'entity.update' | 'entity.delete' | 'entity.merge';
  before: Entity | null;
  after: Entity | null;
}
export interface EntityLinkTransition {
  kind: 'entityLink.set' | 'entityLink.delete';
  before: EntityLink | null;
  after: EntityLink | null;
}
export interface RelationTypeTransition {
  kind: 'relationType.create' | 'relationType.update' | 'relationType.delete';
  before: RelationType | null;
  after: RelationType | null;
}
export interface RelationTransition {
  kind: 'relation.create' | 'relation.update' | 'relation.delete';
  before: Relation | null;
  after: Relation | null;
}
/** A label created (before null), edited or renamed, or removed by delete or merge (after null). */
export interface LabelTransition {
  kind: 'label.create' | 'label.update' | 'label.delete' | 'label.merge';
  before: Label | null;
  after: Label | null;
  /** Delete and merge: the label the annotations went to (null: they were deleted). */
  movedTo?: string | null;
}
export interface BriefTransition {
  kind: 'brief.create' | 'brief.rename' | 'brief.setContent' | 'brief.delete';
  before: Brief | null;
  after: Brief | null;
}
export type Transition =
  | AnnotationTransition
  | AttributeDefTransition
  | FieldDefTransition
  | FieldValueTransition
  | RelationTypeTransition
  | RelationTransition
  | EntityTransition
  | EntityLinkTransition
  | LabelTransition
  | AssistTransition
  | AdjudicationTransition
  | BriefTransition;

export const HistoryStateSchema = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoDescription: z.string().nullable(),
  redoDescription: z.string().nullable(),
  /** The descriptions by catalogue key, for the UI's language (absent for a caller's own text). */
  undoDescriptionRef: MessageRefSchema.optional(),
  redoDescriptionRef: MessageRefSchema.optional(),
});
export type HistoryState = z.infer<typeof HistoryStateSchema>;

/** What every write (applyChanges, undo, redo) answers, and what `changesApplied` carries. */
export const AppliedChangesSchema = z.object({
  articleId: ArticleIdSchema.nullable(),
  /** A short description of the step, e.g. "Tag PER “Lương Tam Quang”". */
  description: z.string(),
  /** `description` by catalogue key, for the UI's language (absent for a caller's own text). */
  descriptionRef: MessageRefSchema.optional(),
  /** Annotations that now exist with these values. */
  upserted: z.array(AnnotationSchema),
  /** Annotation ids that no longer exist. */
  removed: z.array(AnnotationIdSchema),
  /** Relations that now exist / no longer exist; absent when the write touched none. */
  relations: z.object({ upserted: z.array(RelationSchema), removed: z.array(RelationIdSchema) }).optional(),
  /** Relation types (schema edits) that now exist / no longer exist; absent when none was touched. */
  relationTypes: z
    .object({ upserted: z.array(RelationTypeSchema), removed: z.array(RelationTypeKeySchema) })
    .optional(),
  /** Create ref → saved id. */
  createdIds: z.record(z.string(), AnnotationIdSchema),
  /** For articleId; null when the set touched no single article. */
  history: HistoryStateSchema.nullable(),
  /** For articleId: status and annotation count after the write. */
  summary: ArticleSummarySchema.nullable(),
  /** Attribute definitions now holding these values, and the removed ones; absent when none changed. */
  attributeDefs: z
    .object({
      upserted: z.array(AttributeDefSchema),
      removed: z.array(z.object({ labelKey: LabelKeySchema, key: AttributeKeySchema })),
    })
    .optional(),
  /** Field definitions now holding these values, and the removed keys; absent when none changed. */
  fieldDefs: z.object({ upserted: z.array(FieldDefSchema), removed: z.array(AttributeKeySchema) }).optional(),
  /** Field values as they now are (null: cleared); absent when none changed. */
  fields: z
    .array(z.object({ articleId: ArticleIdSchema, key: AttributeKeySchema, value: AttributeValueSchema.nullable() }))
    .optional(),
  /** Entities that now exist (redirects of merged ones included) and ids that no longer do. */
  entities: z.object({ upserted: z.array(EntitySummarySchema), removed: z.array(EntityIdSchema) }).optional(),
  /** Links that now hold, and links gone (the span's article, to route them to its reader). */
  entityLinks: z
    .object({
      upserted: z.array(EntityLinkSchema),
      removed: z.array(EntityLinkSchema.pick({ annotationId: true, articleId: true })),
    })
    .optional(),
  /** Set when the write changed what the suggesters know (names, patterns, rejections). */
  assistChanged: z.boolean().optional(),
  /** Labels the write created or changed (now with these values), and keys that no longer exist. */
  labels: z.object({ upserted: z.array(LabelSchema), removed: z.array(LabelKeySchema) }).optional(),
  /** Briefs now with these titles and times (no content: saves are frequent), and ids gone. */
  briefs: z.object({ upserted: z.array(BriefSummarySchema), removed: z.array(BriefIdSchema) }).optional(),
});
export type AppliedChanges = z.infer<typeof AppliedChangesSchema>;
