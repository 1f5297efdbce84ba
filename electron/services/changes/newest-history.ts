import type { AppliedChanges, HistoryState } from '../../../shared/domain/changes';
import type { ArticleStore } from '../store/articles';
import type { HistoryEntry, HistoryStore } from '../store/history';
import type { ChangeService, HistoryScope } from './change-service';

/**
 * The reader's undo and redo: one stack made of the article's sets and the corpus-wide sets made
 * by hand (schema edits), in the order they were made, so Ctrl+Z in the reader takes back a
 * label renamed a moment ago in the schema editor. Corpus sets from imports are left to the
 * schema editor's own undo: one the reader could not take back (a label its spans now use) would
 * otherwise stand in front of every step of the article.
 *
 * History ids grow with time, so "newer" is the larger id. Redo follows the same rule as one
 * stack: a step undone before a newer step was made on the other stack can no longer be redone
 * from here (the new step discarded that branch), though the schema editor can still redo it.
 */
export class NewestHistory {
  constructor(
    private readonly changes: ChangeService,
    private readonly history: HistoryStore,
    private readonly articles: ArticleStore,
  ) {}

  state(articleId: number): HistoryState {
    const undo = this.nextUndo(articleId);
    const redo = this.nextRedo(articleId);
    return {
      canUndo: undo !== null,
      canRedo: redo !== null,
      undoDescription: undo?.entry.description ?? null,
      redoDescription: redo?.entry.description ?? null,
    };
  }

  undo(articleId: number): AppliedChanges | null {
    const next = this.nextUndo(articleId);
    return next ? this.answer(articleId, this.changes.undo(next.scope)) : null;
  }

  redo(articleId: number): AppliedChanges | null {
    const next = this.nextRedo(articleId);
    return next ? this.answer(articleId, this.changes.redo(next.scope)) : null;
  }

  /** The step as the reader of this article sees it: its history state and summary. */
  private answer(articleId: number, applied: AppliedChanges | null): AppliedChanges | null {
    if (!applied) return null;
    return { ...applied, articleId, history: this.state(articleId), summary: this.articles.getSummary(articleId) };
  }

  private corpusByHand(entry: HistoryEntry | null): HistoryEntry | null {
    return entry?.origin === 'manual' ? entry : null;
  }

  private nextUndo(articleId: number): { scope: HistoryScope; entry: HistoryEntry } | null {
    const article = this.history.nextUndo(articleId);
    const corpus = this.corpusByHand(this.history.nextUndo(null));
    if (corpus && (!article || corpus.id > article.id)) return { scope: null, entry: corpus };
    return article ? { scope: articleId, entry: article } : null;
  }

  private nextRedo(articleId: number): { scope: HistoryScope; entry: HistoryEntry } | null {
    const articleDone = this.history.nextUndo(articleId)?.id ?? 0;
    const corpusDone = this.corpusByHand(this.history.nextUndo(null))?.id ?? 0;
    const article = this.history.nextRedo(articleId);
    const corpus = this.corpusByHand(this.history.nextRedo(null));
    const candidates = [
      article && article.id > corpusDone ? { scope: articleId, entry: article } : null,
      corpus && corpus.id > articleDone ? { scope: null, entry: corpus } : null,
    ].filter((candidate) => candidate !== null);
    // Of two, the older was undone last (undo walks from the newest down).
    return candidates.sort((a, b) => a.entry.id - b.entry.id)[0] ?? null;
  }
}
