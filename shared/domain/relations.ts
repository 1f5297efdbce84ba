/**
 * Relations between two spans of one article (who proposed what, who holds which title), and the
 * relation types of the schema that say which labels each end may carry.
 */
import { z } from 'zod';
import { AnnotationIdSchema, AnnotationOriginSchema, ArticleIdSchema, LabelKeySchema } from './schemas';

export const RelationTypeKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'relation type keys are lower-case ASCII with underscores, e.g. proposed_by');

export const RelationIdSchema = z.number().int().positive();

export const RelationTypeSchema = z
  .object({
    key: RelationTypeKeySchema,
    nameVi: z.string().trim().min(1, 'a relation type needs a Vietnamese name').max(100),
    nameEn: z.string().trim().min(1, 'a relation type needs an English name').max(100),
    /** An undirected type (e.g. a partnership) reads the same both ways; its ends may swap labels. */
    directed: z.boolean(),
    /** Labels the head (source) may carry; a label's children (`KEY/…`) count as the label. Empty = any. */
    headLabels: z.array(LabelKeySchema).max(50),
    tailLabels: z.array(LabelKeySchema).max(50),
    color: z.string().regex(/^#[0-9a-f]{6}$/i, 'colours are #rrggbb'),
    sortOrder: z.number().int().min(0).max(1_000_000),
  })
  .strict();
export type RelationType = z.infer<typeof RelationTypeSchema>;

export const RelationSchema = z.object({
  id: RelationIdSchema,
  articleId: ArticleIdSchema,
  typeKey: RelationTypeKeySchema,
  /** The source span (for `proposed_by`: the proposal). */
  headId: AnnotationIdSchema,
  /** The target span (for `proposed_by`: the person). */
  tailId: AnnotationIdSchema,
  note: z.string(),
  author: z.string(),
  origin: AnnotationOriginSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Relation = z.infer<typeof RelationSchema>;

/** A label fits an allowed key when it is that key or one of its descendants (COOPERATION under PROPOSAL). */
export function labelFits(labelKey: string, allowedKey: string, ancestry: LabelAncestry): boolean {
  return ancestry(labelKey).includes(allowedKey);
}

/**
 * The keys from the top of the label tree down to a label (`ancestryLookup` in label-tree.ts):
 * label keys are flat (COOPERATION under PROPOSAL), so only the tree says what refines what.
 */
export type LabelAncestry = (labelKey: string) => readonly string[];

const fitsAny = (labelKey: string, allowed: readonly string[], ancestry: LabelAncestry): boolean =>
  allowed.length === 0 || allowed.some((key) => labelFits(labelKey, key, ancestry));

/** Whether a relation of this type may go from a span labelled `headLabel` to one labelled `tailLabel`. */
export function relationAllowed(
  type: Pick<RelationType, 'directed' | 'headLabels' | 'tailLabels'>,
  headLabel: string,
  tailLabel: string,
  ancestry: LabelAncestry,
): boolean {
  const fits = (label: string, allowed: readonly string[]) => fitsAny(label, allowed, ancestry);
  if (fits(headLabel, type.headLabels) && fits(tailLabel, type.tailLabels)) return true;
  return !type.directed && fits(tailLabel, type.headLabels) && fits(headLabel, type.tailLabels);
}

/** The rule in words, e.g. "proposed_by: PROPOSAL → PER/ORG". */
export function relationRule(type: Pick<RelationType, 'key' | 'directed' | 'headLabels' | 'tailLabels'>): string {
  const side = (labels: readonly string[]) => (labels.length ? labels.join('/') : 'any label');
  return `${type.key}: ${side(type.headLabels)} ${type.directed ? '→' : '—'} ${side(type.tailLabels)}`;
}

/** The defaults of issue 12: who proposed, who is blamed, who holds which title, and where. */
export const DEFAULT_RELATION_TYPES: readonly RelationType[] = [
  {
    key: 'proposed_by',
    nameVi: 'do … đề xuất',
    nameEn: 'proposed by',
    directed: true,
    headLabels: ['PROPOSAL'],
    tailLabels: ['PER', 'ORG'],
    color: '#2f9e44',
  },
  {
    key: 'attributed_to',
    nameVi: 'do … nêu',
    nameEn: 'attributed to',
    directed: true,
    headLabels: ['RISK'],
    tailLabels: ['PER', 'ORG'],
    color: '#e8590c',
  },
  {
    key: 'holds_title',
    nameVi: 'giữ chức',
    nameEn: 'holds title',
    directed: true,
    headLabels: ['PER'],
    tailLabels: ['TITLE'],
    color: '#7048e8',
  },
  {
    key: 'addresses',
    nameVi: 'hướng tới',
    nameEn: 'addresses',
    directed: true,
    headLabels: ['PROPOSAL'],
    tailLabels: ['ORG', 'LOC', 'RISK'],
    color: '#1971c2',
  },
  {
    key: 'member_of',
    nameVi: 'thuộc',
    nameEn: 'member of',
    directed: true,
    headLabels: ['PER', 'ORG'],
    tailLabels: ['ORG'],
    color: '#c2255c',
  },
  {
    key: 'located_in',
    nameVi: 'ở tại',
    nameEn: 'located in',
    directed: true,
    headLabels: ['EVENT', 'ORG'],
    tailLabels: ['LOC'],
    color: '#0c8599',
  },
].map((type, sortOrder) => ({ ...type, sortOrder }));
