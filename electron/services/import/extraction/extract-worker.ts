/**
 * Worker-thread entry (bundled as out/main/extractWorker.js): reads one file at a time for an
 * import (from disk, or the bytes it is sent), so that a file that takes too long can be stopped by terminating this thread
 * (./extractors.ts). It only reads; nothing here touches the database.
 */
import { parentPort } from 'node:worker_threads';
import { extractFile, READY, replyOf, type ExtractRequest } from './extract-file';

if (!parentPort) throw new Error('extract-worker must run in a worker thread.');
const port = parentPort;
/** Files are read one after the other, in the order asked: the parent's time limit is for the first unanswered. */
let previous: Promise<void> = Promise.resolve();
port.on('message', (request: ExtractRequest) => {
  previous = previous.then(async () => {
    port.postMessage(replyOf(request.id, await extractFile(request.name, request.source, request.limits)));
  });
});
// Loaded: the parent starts a file's clock only now, so start-up time never counts against a file.
port.postMessage(READY);
