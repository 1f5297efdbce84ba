import { z } from 'zod';
import { defineCall } from './call';
import { RelationSchema, RelationTypeSchema } from '../domain/relations';
import { ArticleIdSchema } from '../domain/schemas';

/** Reads of relations and their types; every write is `applyChanges` (relation.*, relationType.*). */
export const relationCalls = {
  /** The relation types in schema order (the first allowed one is the reader's default). */
  listRelationTypes: defineCall(z.object({}).strict(), z.array(RelationTypeSchema)),
  /** An article's relations, by id (the reader gets them with `openArticle`). */
  listRelations: defineCall(z.object({ articleId: ArticleIdSchema }).strict(), z.array(RelationSchema)),
};
