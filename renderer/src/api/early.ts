import type { CallInput, CallName } from '../../../shared/contract';
import type { CallResult } from '../../../shared/contract/api-error';
import type { Transport } from './transport';

/**
 * Calls sent by the start script (boot.ts) while the app's bundle still downloads and compiles,
 * each kept until the app makes the same call (same name, same input) and takes its answer
 * instead of asking again (issue 13: the library's first page and the database's health are on
 * the first paint's path). An answer is taken once; a later identical call goes to the host.
 */
const sent = new Map<string, Promise<CallResult<unknown>>>();

const keyOf = (name: CallName, input: unknown) => `${name} ${JSON.stringify(input ?? {})}`;

/** Sends the call now; its answer is also returned, for the start script's own use. */
export function sendEarly<N extends CallName>(
  transport: Transport,
  name: N,
  input: CallInput<N>,
): Promise<CallResult<unknown>> {
  const answer = transport(name, input);
  // Not taken (the app went elsewhere first), a failure must not be an unhandled rejection; the
  // call that takes it still sees the failure.
  answer.catch(() => undefined);
  sent.set(keyOf(name, input), answer);
  return answer;
}

/** The answer of an early call with this name and input, once; undefined when there is none. */
export function takeEarly(name: CallName, input: unknown): Promise<CallResult<unknown>> | undefined {
  if (sent.size === 0) return undefined;
  const key = keyOf(name, input);
  const answer = sent.get(key);
  sent.delete(key);
  return answer;
}
