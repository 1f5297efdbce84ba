/**
 * Worker-thread entry (bundled as out/main/importWorker.js): runs one import request off the
 * thread that serves the UI. The parent posts `{ type: 'cancel' }`: the file being read is
 * stopped at once (its extraction worker is terminated) and no further file starts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runImportRequest, type ImportRequest } from './import-request';

if (!parentPort) throw new Error('import-worker must run in a worker thread.');
const port = parentPort;
const cancel = new AbortController();
port.on('message', (message: { type?: string }) => {
  if (message.type === 'cancel') cancel.abort();
});
void runImportRequest(workerData as ImportRequest, {
  emit: (event) => port.postMessage(event),
  signal: cancel.signal,
}).finally(() => port.close());
