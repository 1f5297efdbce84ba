import type { AppliedChanges, ChangeSet } from '../../../../shared/domain/changes';

/**
 * How a DocumentSync reaches the backend. The app passes the typed client's calls; tests pass a
 * fake that can hold, reorder and fail completions. A rejected promise means the backend refused
 * the whole step (a change set is all-or-nothing).
 */
export interface SyncTransport {
  apply(changeSet: ChangeSet): Promise<AppliedChanges>;
  /** Null when there was nothing to undo. */
  undo(articleId: number): Promise<AppliedChanges | null>;
  redo(articleId: number): Promise<AppliedChanges | null>;
}
