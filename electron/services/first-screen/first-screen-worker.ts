/**
 * Worker-thread entry (bundled as out/main/firstScreenWorker.js): renders the library's first
 * screen for `FirstScreenThread` with the app's own components, from the bundle the build makes of
 * renderer/src/first-screen/render-first-screen.ts for Node (out/main/firstScreen.js, given by
 * path: this layer does not import the UI's source). In a thread of its own because that bundle sets
 * browser globals its modules read as they load; the host's thread never sees them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderFirstScreen } from '../../../shared/contract/first-screen';
import type { FirstScreenReply, FirstScreenRequestMessage, FirstScreenWorkerData } from './first-screen-thread';

const { rendererPath } = workerData as FirstScreenWorkerData;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle named at run time
const { renderFirstScreen } = require(rendererPath) as { renderFirstScreen: RenderFirstScreen };

const port = parentPort;
if (!port) throw new Error('first-screen-worker.ts runs as a worker thread only.');
port.on('message', ({ requestId, request }: FirstScreenRequestMessage) => {
  renderFirstScreen(request).then(
    (screen) => port.postMessage({ requestId, screen } satisfies FirstScreenReply),
    (error: unknown) =>
      port.postMessage({ requestId, screen: null, failure: String(error) } satisfies FirstScreenReply),
  );
});
