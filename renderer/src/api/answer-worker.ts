/**
 * Fetches the large answers (an article to open) off the page's main thread: receiving,
 * decoding and parsing the 0.6 MB of JSON of a 400,000-character article took the page's main
 * thread ~40–60 ms per open in the browser host, against a few ms to take the parsed answer from
 * this worker (a structured clone, as Electron's IPC hands answers over). See client.ts.
 */
import { callOverHttp } from './http-call';

export interface AnswerRequest {
  id: number;
  name: string;
  input: unknown;
  token: string;
}
export type AnswerReply = { id: number; result: unknown } | { id: number; failure: string };

// A dedicated worker's global scope; the renderer's types are the page's (lib DOM).
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<AnswerRequest>) => void) | null;
  postMessage(reply: AnswerReply): void;
};

scope.onmessage = ({ data: { id, name, input, token } }) => {
  callOverHttp(name, input, token).then(
    (result) => scope.postMessage({ id, result }),
    (error: unknown) => scope.postMessage({ id, failure: String(error) }),
  );
};
