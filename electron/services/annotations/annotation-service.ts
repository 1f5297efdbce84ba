import type { Annotation } from '../../../shared/domain/schemas';
import type { AppliedChanges, Change } from '../../../shared/domain/changes';
import type { ChangeService } from '../changes/change-service';
import type { ArticleStore } from '../store/articles';
import type { AnnotationStore } from '../store/annotations';

type CreateInput = Extract<Change, { kind: 'annotation.create' }>['annotation'];
type UpdateInput = Extract<Change, { kind: 'annotation.update' }>['patch'] & { id: number };

/**
 * Reads of annotations, and one-change shorthands for services and tests, each a change set of one
 * applied by the ChangeService (the only write path). The contract has only `applyChanges`.
 */
export class AnnotationService {
  constructor(
    private readonly articles: ArticleStore,
    private readonly annotations: AnnotationStore,
    private readonly changes: ChangeService,
  ) {}

  list(articleId: number): Annotation[] {
    this.articles.getSummary(articleId); // not_found for a missing article, not an empty list
    return this.annotations.listForArticle(articleId);
  }

  create({ note, ...span }: CreateInput): Annotation {
    const applied = this.changes.apply({
      origin: 'manual',
      changes: [
        { kind: 'annotation.create', ref: 'created', annotation: { ...span, ...(note !== undefined ? { note } : {}) } },
      ],
    });
    return only(applied);
  }

  update({ id, ...patch }: UpdateInput): Annotation {
    return only(this.changes.apply({ origin: 'manual', changes: [{ kind: 'annotation.update', id, patch }] }));
  }

  delete(id: number): { id: number } {
    this.changes.apply({ origin: 'manual', changes: [{ kind: 'annotation.delete', id }] });
    return { id };
  }
}

function only(applied: AppliedChanges): Annotation {
  const [annotation] = applied.upserted;
  if (!annotation) throw new Error('A one-change set answered no annotation.');
  return annotation;
}
