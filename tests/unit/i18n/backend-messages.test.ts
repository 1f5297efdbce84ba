/**
 * Issue 10 §7: the services' messages were English only. Each has a catalogue key
 * (shared/messages/backend-messages.ts) that vi.ts translates with the same placeholders, so a
 * Vietnamese UI never shows a key, a raw "{{file}}", or loses a value the English text names.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { BACKEND_MESSAGE_KEYS, BACKEND_MESSAGES_EN, englishMessage } from '../../../shared/messages/backend-messages';
import { vi } from '../../../renderer/src/i18n/vi';

const placeholders = (template: string) => [...template.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();

describe('backend messages were English only', () => {
  it('every catalogue message has a Vietnamese text with the same placeholders', () => {
    for (const key of BACKEND_MESSAGE_KEYS) {
      const vietnamese = vi.backend[key];
      expect(vietnamese, key).toBeTruthy();
      expect(vietnamese, key).not.toBe(BACKEND_MESSAGES_EN[key]);
      expect(placeholders(vietnamese), key).toEqual(placeholders(BACKEND_MESSAGES_EN[key]));
    }
  });

  it('an ApiError carries the English text for logs and the key and params for the UI', () => {
    const error = ApiError.of('rejected', 'fileTooManyRecords', { file: 'a.jsonl', count: 130_001, limit: 100_000 });
    expect(error.message).toBe(
      'a.jsonl holds 130,001 records, more than the limit of 100,000 per file; nothing of it was imported. Split it, or raise the limit (--max-records).',
    );
    expect(ApiError.fromPayload(error.toPayload())).toMatchObject({
      code: 'rejected',
      ref: { key: 'fileTooManyRecords', params: { file: 'a.jsonl', count: 130_001, limit: 100_000 } },
    });
    // Ids are not numbers to format.
    expect(englishMessage('articleNotFound', { id: 12345 })).toBe('Article 12345 does not exist.');
  });
});
