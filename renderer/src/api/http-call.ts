import type { CallResult } from '../../../shared/contract';
import { TOKEN_HEADER } from '../../../shared/contract/names';

/**
 * One contract call over HTTP to the browser host that served the page, its answer parsed. Used
 * on the page and in the answer worker (answer-worker.ts), so it imports types only.
 */
export async function callOverHttp(name: string, input: unknown, token: string): Promise<CallResult<unknown>> {
  const response = await fetch(`/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify(input ?? {}),
  });
  try {
    return (await response.json()) as CallResult<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: `The host answered ${response.status} without a result.` },
    };
  }
}
