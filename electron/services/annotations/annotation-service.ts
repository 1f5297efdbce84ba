import type { Database } from 'better-sqlite3';
import type { Annotation } from '../../../shared/domain/schemas';
import { spanProblem } from '../../../shared/domain/spans';
import { ApiError } from '../../../shared/contract/errors';
import type { AnnotationChange, CallInput, HistoryState } from '../../../shared/contract';
import type { ArticleStore } from '../store/articles';
import type { AnnotationStore } from '../store/annotations';
import type { HistoryEntry, HistoryStore } from '../store/history';
import type { LabelStore } from '../store/labels';
import { nowIso } from '../store/clock';

type CreateInput = CallInput<'createAnnotation'>;
type UpdateInput = CallInput<'updateAnnotation'>;

/**
 * Every annotation write: validated against the canonical text and the label schema, stored,
 * and logged for undo, all in one transaction, so the log and the spans can never disagree.
 */
export class AnnotationService {
  constructor(
    private readonly db: Database,
    private readonly articles: ArticleStore,
    private readonly labels: LabelStore,
    private readonly annotations: AnnotationStore,
    private readonly history: HistoryStore,
  ) {}

  list(articleId: number): Annotation[] {
    this.articles.getSummary(articleId); // not_found for a missing article, not an empty list
    return this.annotations.listForArticle(articleId);
  }

  create(input: CreateInput): Annotation {
    return this.db.transaction(() => {
      this.assertValid(input.articleId, input.labelKey, input.start, input.end, input.quote);
      const now = nowIso();
      const created = this.annotations.insert({
        articleId: input.articleId,
        labelKey: input.labelKey,
        start: input.start,
        end: input.end,
        quote: input.quote,
        note: input.note ?? '',
        origin: 'manual',
        createdAt: now,
        updatedAt: now,
      });
      this.history.record({
        articleId: created.articleId,
        action: 'create',
        before: null,
        after: created,
        description: `Tag ${created.labelKey} “${shorten(created.quote)}”`,
      });
      this.articles.markStarted(created.articleId);
      this.articles.touch(created.articleId);
      return created;
    })();
  }

  update(input: UpdateInput): Annotation {
    return this.db.transaction(() => {
      const before = this.annotations.get(input.id);
      const rangeChanged = input.start !== undefined || input.end !== undefined;
      if (rangeChanged && input.quote === undefined) {
        throw new ApiError('rejected', 'Changing a span’s edges needs the new quote, to check it against the text.');
      }
      const next: Annotation = {
        ...before,
        labelKey: input.labelKey ?? before.labelKey,
        start: input.start ?? before.start,
        end: input.end ?? before.end,
        quote: input.quote ?? before.quote,
        note: input.note ?? before.note,
        updatedAt: nowIso(),
      };
      this.assertValid(next.articleId, next.labelKey, next.start, next.end, next.quote);
      const after = this.annotations.replace(next);
      this.history.record({
        articleId: after.articleId,
        action: 'update',
        before,
        after,
        description: describeUpdate(before, after),
      });
      this.articles.touch(after.articleId);
      return after;
    })();
  }

  delete(id: number): { id: number } {
    return this.db.transaction(() => {
      const before = this.annotations.get(id);
      this.annotations.delete(id);
      this.history.record({
        articleId: before.articleId,
        action: 'delete',
        before,
        after: null,
        description: `Delete ${before.labelKey} “${shorten(before.quote)}”`,
      });
      this.articles.touch(before.articleId);
      return { id };
    })();
  }

  undo(articleId: number): AnnotationChange | null {
    return this.db.transaction(() => {
      const entry = this.history.nextUndo(articleId);
      if (!entry) return null;
      const change = this.apply(entry, entry.after, entry.before);
      this.history.setUndone(entry.id, true);
      return change;
    })();
  }

  redo(articleId: number): AnnotationChange | null {
    return this.db.transaction(() => {
      const entry = this.history.nextRedo(articleId);
      if (!entry) return null;
      const change = this.apply(entry, entry.before, entry.after);
      this.history.setUndone(entry.id, false);
      return change;
    })();
  }

  historyState(articleId: number): HistoryState {
    const undo = this.history.nextUndo(articleId);
    const redo = this.history.nextRedo(articleId);
    return {
      canUndo: undo !== null,
      canRedo: redo !== null,
      undoDescription: undo?.description ?? null,
      redoDescription: redo?.description ?? null,
    };
  }

  /** Moves one annotation from state `from` to state `to` (either may be absent). */
  private apply(entry: HistoryEntry, from: Annotation | null, to: Annotation | null): AnnotationChange {
    const description = entry.description;
    if (to === null) {
      if (from) this.annotations.delete(from.id);
      this.articles.touch(entry.articleId);
      return { upserted: [], removed: from ? [from.id] : [], description };
    }
    const restored = from === null ? this.annotations.insert(to) : this.annotations.replace(to);
    this.articles.touch(entry.articleId);
    return { upserted: [restored], removed: [], description };
  }

  private assertValid(articleId: number, labelKey: string, start: number, end: number, quote: string): void {
    if (!this.labels.exists(labelKey)) throw new ApiError('rejected', `There is no label ${labelKey}.`);
    const problem = spanProblem(this.articles.getText(articleId), start, end, quote);
    if (problem) throw new ApiError('rejected', `The span was not saved: ${problem}.`);
  }
}

function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}

function describeUpdate(before: Annotation, after: Annotation): string {
  if (before.labelKey !== after.labelKey)
    return `Relabel “${shorten(after.quote)}” ${before.labelKey} → ${after.labelKey}`;
  if (before.start !== after.start || before.end !== after.end)
    return `Resize ${after.labelKey} “${shorten(after.quote)}”`;
  return `Edit note on ${after.labelKey} “${shorten(after.quote)}”`;
}
