import { ApiError } from '../../../shared/contract/errors';
import type { MessageRef } from '../../../shared/messages/backend-messages';
import { i18next } from './index';

/**
 * A service message in the UI's language: by its catalogue key when it has one (vi.ts holds
 * every key), else the English text the service sent.
 */
export function backendText(ref: MessageRef | undefined, english: string): string {
  return ref ? i18next.t(`backend.${ref.key}`, { ...ref.params, defaultValue: english }) : english;
}

/** What to show for a failed call or action. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return backendText(error.ref, error.message);
  return error instanceof Error ? error.message : String(error);
}
