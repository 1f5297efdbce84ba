import { ApiError, isDatabaseBusy, type CallResult } from './errors';
import { contract, isCallName, type ApiHandlers, type CallName, type CallOutput } from './index';

/**
 * Runs one call from an untrusted transport (IPC or HTTP): checks the name, parses the payload,
 * runs the handler and checks its output. Never throws: every failure becomes a typed error.
 * `onInternalError` receives unexpected exceptions so the host can log them.
 */
export async function dispatchCall(
  handlers: ApiHandlers,
  name: unknown,
  payload: unknown,
  onInternalError: (name: string, error: unknown) => void,
): Promise<CallResult<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: ApiError.of('invalid_input', 'unknownCall', { name: describeName(name) }).toPayload() };
  }
  const spec = contract[name];
  const parsed = spec.input.safeParse(payload ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues[0]?.message ?? 'does not match the schema';
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    return {
      ok: false,
      error: ApiError.of('invalid_input', 'invalidInput', { call: name, detail }, issues).toPayload(),
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => CallOutput<CallName> | Promise<CallOutput<CallName>>;
    const value = await handler(parsed.data);
    // The output schema guards the renderer against a service bug leaking a wrong shape.
    return { ok: true, value: spec.output.parse(value) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toPayload() };
    if (isDatabaseBusy(error)) return { ok: false, error: ApiError.of('busy', 'busy').toPayload() };
    onInternalError(name, error);
    return { ok: false, error: ApiError.of('internal', 'internal', { call: name }).toPayload() };
  }
}

/**
 * A call name for a message. Not String(name): a hostile payload's name can be an object whose
 * toString is not a function, and String() would throw (found by the property test).
 */
function describeName(name: unknown): string {
  return typeof name === 'string' ? name.slice(0, 100) : `(a ${name === null ? 'null' : typeof name}, not a name)`;
}
