/**
 * Worker-thread entry (bundled as out/main/importWorker.js): runs one import request off the
 * thread that serves the UI. The parent posts `{ type: 'cancel' }` to stop between files (or at
 * the review), and `{ type: 'decide', decisions }` to answer the review's questions.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { controlledHooks, type ImportControl } from './import-control';
import { runImportRequest, type ImportRequest } from './import-request';

if (!parentPort) throw new Error('import-worker must run in a worker thread.');
const port = parentPort;
const { hooks, receive } = controlledHooks((event) => port.postMessage(event));
port.on('message', (message: ImportControl) => receive(message));
void runImportRequest(workerData as ImportRequest, hooks).finally(() => port.close());
