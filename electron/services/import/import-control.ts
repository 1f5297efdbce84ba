import type { ReviewDecisions, ReviewQuestion } from '../../../shared/contract';
import type { ImportEvent, ImportHooks } from './run-import';

/** Messages to a running import: what the worker's port carries, and what the in-process runner takes. */
export type ImportControl = { type: 'cancel' } | { type: 'decide'; decisions: ReviewDecisions };

/**
 * The hooks side of `ImportControl`: the cancel signal (it also stops the file being read), and the review that waits for a `decide`
 * (or a cancel, which answers null).
 */
export function controlledHooks(emit: (event: ImportEvent) => void): {
  hooks: ImportHooks;
  receive: (message: ImportControl) => void;
} {
  const cancel = new AbortController();
  let answer: ((decisions: ReviewDecisions | null) => void) | null = null;
  const settle = (decisions: ReviewDecisions | null) => {
    const resolve = answer;
    answer = null;
    resolve?.(decisions);
  };
  return {
    hooks: {
      emit,
      signal: cancel.signal,
      review: (questions: ReviewQuestion[]) =>
        new Promise<ReviewDecisions | null>((resolve) => {
          if (cancel.signal.aborted) return resolve(null);
          answer = resolve;
          emit({ type: 'review', questions });
        }),
    },
    receive: (message) => {
      if (message.type === 'cancel') {
        cancel.abort();
        settle(null);
      } else {
        settle(message.decisions);
      }
    },
  };
}
