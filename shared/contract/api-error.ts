import {
  englishMessage,
  type BackendMessageKey,
  type MessageParams,
  type MessageRef,
} from '../messages/backend-messages';

// Zod-free: the renderer's start bundle imports the error class and codes from here, not the
// schemas of errors.ts (issue 13: no contract schema is built before the library's first paint).

/**
 * Every failure crosses the process boundary as one of these codes, never as a stack trace.
 * - invalid_input: the payload did not parse against the call's input schema;
 * - not_found: a referenced article, label or annotation does not exist;
 * - rejected: the input parsed but breaks a rule of the data (offsets out of range, quote mismatch);
 * - unsupported: this host cannot do it (e.g. a native file dialog in the browser host);
 * - busy: another connection (an import, the command line, a second window) held the database
 *   longer than the wait allows; nothing was written and the same call may be retried;
 * - internal: a bug; the message is safe to show, the details are in the host's log.
 */
export const API_ERROR_CODES = ['invalid_input', 'not_found', 'rejected', 'unsupported', 'busy', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** An error as it crosses the wire; `ApiErrorPayloadSchema` (errors.ts) parses it, checked equal. */
export interface ApiErrorPayload {
  code: ApiErrorCode;
  /** English, for the command line and logs; `ref` (when set) is the same message by key. */
  message: string;
  /** Which fields were wrong, for invalid_input. */
  issues?: { path: string; message: string }[] | undefined;
  ref?: MessageRef | undefined;
}

/** Thrown by services and clients alike; serialised as an ApiErrorPayload on the wire. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiErrorPayload['issues'],
    readonly ref?: MessageRef,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** An error whose message comes from the catalogue: English text plus its key and params. */
  static of(
    code: ApiErrorCode,
    key: BackendMessageKey,
    params: MessageParams = {},
    issues?: ApiErrorPayload['issues'],
  ): ApiError {
    return new ApiError(code, englishMessage(key, params), issues, { key, params });
  }

  toPayload(): ApiErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.ref ? { ref: this.ref } : {}),
    };
  }

  static fromPayload(payload: ApiErrorPayload): ApiError {
    return new ApiError(payload.code, payload.message, payload.issues, payload.ref);
  }
}

/** What every transport carries back: a value or an error, never a bare exception. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload };
