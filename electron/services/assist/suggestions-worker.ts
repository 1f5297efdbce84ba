/**
 * Worker-thread entry (bundled as out/main/suggestionsWorker.js): computes articles' suggestions
 * for `SuggestionsThread` on a read-only connection of its own, so the host's thread never waits
 * for them. Each computation reads inside one read transaction: a write committed meanwhile by
 * the main thread is either wholly in it or not at all.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../../shared/contract/api-error';
import { isDatabaseBusy } from '../../../shared/contract/errors';
import { ArticleStore } from '../store/articles';
import { AssistStore } from '../store/assist';
import { openReadConnection } from '../store/read-snapshot';
import { SettingsStore } from '../store/settings';
import { AssistService } from './assist-service';
import { shippedAssistData } from './shipped-data';
import {
  listed,
  type ListedSuggestions,
  type SuggestionsReply,
  type SuggestionsRequest,
  type SuggestionsWorkerData,
} from './suggestions-thread';

const { databasePath, nativeBinding } = workerData as SuggestionsWorkerData;
const db = openReadConnection(databasePath, nativeBinding ? { nativeBinding } : {});
const assist = new AssistService(
  new ArticleStore(db),
  new AssistStore(db),
  new SettingsStore(db),
  shippedAssistData(),
  null,
);
const suggestAtOneMoment = db.transaction((articleId: number): ListedSuggestions => listed(assist.suggest(articleId)));

const port = parentPort;
if (!port) throw new Error('suggestions-worker.ts runs as a worker thread only.');
port.on('message', (request: SuggestionsRequest) => {
  if (request.kind === 'stale') {
    assist.invalidate(request.stale);
    return;
  }
  let reply: SuggestionsReply;
  try {
    reply = { requestId: request.requestId, ok: true, value: suggestAtOneMoment(request.articleId) };
  } catch (error) {
    const known = error instanceof ApiError ? error : isDatabaseBusy(error) ? ApiError.of('busy', 'busy') : null;
    reply = {
      requestId: request.requestId,
      ok: false,
      error: known ? known.toPayload() : null,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  port.postMessage(reply);
});
