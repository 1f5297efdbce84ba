/**
 * The change-set shapes agreed in the session plan (issue 8), as the reader uses them. W1 adds
 * the real definitions in shared/domain/changes.ts; when that lands this file becomes re-exports.
 */
import type { HistoryState } from '../../../../shared/contract';
import type { Annotation, ArticleSummary } from '../../../../shared/domain/schemas';

export type Change =
  | {
      kind: 'annotation.create';
      /** Client-chosen key, echoed in `AppliedChanges.createdIds`. */
      ref: string;
      annotation: { articleId: number; labelKey: string; start: number; end: number; quote: string; note?: string };
    }
  | {
      kind: 'annotation.update';
      id: number;
      patch: { labelKey?: string; start?: number; end?: number; quote?: string; note?: string };
    }
  | { kind: 'annotation.delete'; id: number };

export interface ChangeSet {
  articleId?: number;
  origin: 'manual' | 'import' | 'model' | 'merge';
  author?: string;
  description?: string;
  changes: Change[];
}

/** What every write (applyChanges, undo, redo) answers. */
export interface AppliedChanges {
  articleId: number | null;
  description: string;
  upserted: Annotation[];
  removed: number[];
  createdIds: Record<string, number>;
  history: HistoryState | null;
  summary: ArticleSummary | null;
}
