import { ApiError } from '../../../shared/contract/api-error';
import { englishMessage, type MessageRef } from '../../../shared/messages/backend-messages';
import { i18next } from './index';

/**
 * A service message in the UI's language: by its catalogue key when it has one (vi.ts holds
 * every key), else the English text the service sent.
 */
export function backendText(ref: MessageRef | undefined, english: string): string {
  if (!ref) return english;
  // A param that is a message (the reason inside "Cannot undo …") is shown in the same language.
  const params = Object.fromEntries(
    Object.entries(ref.params).map(([name, value]) => [
      name,
      typeof value === 'object' ? backendText(value, englishMessage(value.key, value.params)) : value,
    ]),
  );
  return i18next.t(`backend.${ref.key}`, { ...params, defaultValue: english });
}

/** What to show for a failed call or action. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return backendText(error.ref, error.message);
  return error instanceof Error ? error.message : String(error);
}
