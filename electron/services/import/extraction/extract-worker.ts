/**
 * Worker-thread entry (bundled as out/main/extractWorker.js): reads one file at a time for an
 * import, so that a file that takes too long can be stopped by terminating this thread
 * (./extractors.ts). It only reads; nothing here touches the database.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile, READY, type ExtractRequest } from './extract-file';

if (!parentPort) throw new Error('extract-worker must run in a worker thread.');
const port = parentPort;
port.on('message', (request: ExtractRequest) => {
  void extractFile(request.name, request.bytes, request.limits).then((outcome) => port.postMessage(outcome));
});
// Loaded: the parent starts a file's clock only now, so start-up time never counts against a file.
port.postMessage(READY);
