/**
 * Worker-thread entry (bundled as out/main/importWorker.js): runs one import request off the
 * thread that serves the UI. The parent posts `{ type: 'cancel' }` to stop between files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runImportRequest, type ImportRequest } from './import-request';

if (!parentPort) throw new Error('import-worker must run in a worker thread.');
const port = parentPort;
let cancelled = false;
port.on('message', (message: { type?: string }) => {
  if (message.type === 'cancel') cancelled = true;
});
void runImportRequest(workerData as ImportRequest, {
  emit: (event) => port.postMessage(event),
  isCancelled: () => cancelled,
}).finally(() => port.close());
