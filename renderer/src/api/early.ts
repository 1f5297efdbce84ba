import type { CallInput, CallName } from '../../../shared/contract';
import type { CallResult } from '../../../shared/contract/api-error';
import { START_DATA_ID, type StartCall } from '../../../shared/contract/start-data';
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

/**
 * The answers the host wrote into the page (shared/contract/start-data.ts), by call; empty when
 * there are none (the dev server's page, a page opened without the token) or they cannot be read.
 */
export function answersInPage(): Map<string, CallResult<unknown>> {
  const block = document.getElementById(START_DATA_ID);
  let answers = new Map<string, CallResult<unknown>>();
  try {
    answers = answersOf(JSON.parse(block?.textContent || '[]') as StartCall[]);
  } catch (error) {
    console.warn('The answers in the page could not be read; asking the host', error);
  }
  block?.remove(); // read once: the page's titles do not stay in the DOM
  return answers;
}

/** The start calls' answers, by call, as `answersInPage` gives them. */
export const answersOf = (calls: readonly StartCall[]): Map<string, CallResult<unknown>> =>
  new Map(calls.map((call) => [keyOf(call.name, call.input), call.result]));

/** Keeps the page's answer to this call for the app's same call; undefined when it has none. */
function keepFromPage(
  inPage: Map<string, CallResult<unknown>>,
  name: CallName,
  input: unknown,
): Promise<CallResult<unknown>> | undefined {
  const answer = inPage.get(keyOf(name, input));
  if (!answer) return undefined;
  const kept = Promise.resolve(answer);
  sent.set(keyOf(name, input), kept);
  return kept;
}

/**
 * Sends the call now, or takes its answer from the page when the host wrote it there
 * (`answersInPage`); either way kept for the app's same call, and returned.
 */
export function startCall<N extends CallName>(
  transport: Transport,
  inPage: Map<string, CallResult<unknown>>,
  name: N,
  input: CallInput<N>,
): Promise<CallResult<unknown>> {
  return keepFromPage(inPage, name, input) ?? sendEarly(transport, name, input);
}

/**
 * Keeps the page's answer to each of these calls (the app's mount calls) for the app's same call,
 * without sending any of them early: a call the page holds no answer for is asked by the app.
 */
export function keepAnswersInPage(
  inPage: Map<string, CallResult<unknown>>,
  calls: readonly { name: CallName; input: unknown }[],
): void {
  for (const { name, input } of calls) keepFromPage(inPage, name, input);
}

/**
 * Drops the early answers no call has taken: called once the app has loaded the state it mounts
 * with (main.tsx). An answer is the state at start: one left untaken (the mount state's, when the
 * database was not healthy) must not answer a later call (the labels after a schema edit).
 */
export function dropUntakenEarlyAnswers(): void {
  sent.clear();
}

/** The answer of an early call with this name and input, once; undefined when there is none. */
export function takeEarly(name: CallName, input: unknown): Promise<CallResult<unknown>> | undefined {
  if (sent.size === 0) return undefined;
  const key = keyOf(name, input);
  const answer = sent.get(key);
  sent.delete(key);
  return answer;
}
