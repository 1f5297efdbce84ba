/**
 * Worker-thread entry (bundled as out/main/importWorker.js): runs one import request off the
 * thread that serves the UI. The parent posts `{ type: 'cancel' }`: the file being read is
 * stopped at once (its extraction worker is terminated) and no further file starts (in review:
 * the held files are reported as not imported). `{ type: 'decide', decisions }` answers the
 * review's questions.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { controlledHooks, type ImportControl } from './import-control';
import { runImportRequest, type ImportRequest } from './import-request';

if (!parentPort) throw new Error('import-worker must run in a worker thread.');
const port = parentPort;
const { hooks, receive } = controlledHooks((event) => port.postMessage(event));
port.on('message', (message: ImportControl) => receive(message));
void runImportRequest(workerData as ImportRequest, hooks).finally(() => port.close());
