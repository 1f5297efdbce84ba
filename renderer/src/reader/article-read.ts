import type { OpenedArticle } from '../../../shared/contract';
import type { AppliedChanges } from '../../../shared/domain/changes';
import { api, events } from '../api/client';
import { holdDeferredLoads } from '../app/deferred';

/** How long a read started ahead (a press on an article's row) waits for the reader to take it. */
const UNTAKEN_READ_MS = 5_000;

/**
 * One `openArticle` read, with the writes (`changesApplied` events) that arrive while it runs.
 * Those are kept and handed on after the read: the ones the read already holds set the same
 * values again, in commit order, so none is lost however early the read started.
 */
export interface ArticleRead {
  readonly articleId: number;
  readonly answer: Promise<OpenedArticle>;
  /** Hands every event kept so far, then each later one, to `receive`. */
  follow(receive: (applied: AppliedChanges) => void): void;
  /** Stops listening for events. */
  stop(): void;
}

/**
 * The last answer read, so that opening its article again asks the host only whether it is still
 * current (`reopenArticle`): the same 0.6 MB is then neither read, sent nor decoded again. One
 * answer (a few MB at most); the views never change what they are given in place.
 */
let lastAnswer: OpenedArticle | null = null;

function readAnswer(articleId: number): Promise<OpenedArticle> {
  const held = lastAnswer?.article.id === articleId ? lastAnswer : null;
  const answer = held
    ? api.reopenArticle({ id: articleId, version: held.version }).then((fresh) => ('unchanged' in fresh ? held : fresh))
    : api.openArticle({ id: articleId });
  return answer.then((opened) => (lastAnswer = opened));
}

export function startArticleRead(articleId: number): ArticleRead {
  let kept: AppliedChanges[] = [];
  let deliver: (applied: AppliedChanges) => void = (applied) => kept.push(applied);
  const stop = events.on('changesApplied', (applied) => deliver(applied));
  const answer = readAnswer(articleId);
  holdDeferredLoads(answer);
  // A failed read listens no more; its rejection is the taker's to report (or nobody's, if the
  // read started ahead is never taken).
  answer.catch(stop);
  return {
    articleId,
    answer,
    follow(receive) {
      deliver = receive;
      for (const applied of kept) receive(applied);
      kept = [];
    },
    stop,
  };
}

let ahead: { read: ArticleRead; timer: ReturnType<typeof setTimeout> } | null = null;

/**
 * Starts reading an article the user is opening (a press on its row, the click that opens it),
 * before the view switches to the reader: the host reads and sends it while the page unmounts
 * the library and mounts the reader, instead of after (a warm open's click task is 10–15 ms of
 * the page's CPU, bench/README.md "Opening an article").
 */
export function readAhead(articleId: number): void {
  if (ahead?.read.articleId === articleId) return;
  dropAhead();
  const read = startArticleRead(articleId);
  ahead = { read, timer: setTimeout(dropAhead, UNTAKEN_READ_MS) };
}

/** The read started ahead for this article (taken once), else a new one. */
export function takeArticleRead(articleId: number): ArticleRead {
  const started = ahead?.read.articleId === articleId ? ahead : null;
  if (!started) return startArticleRead(articleId);
  clearTimeout(started.timer);
  ahead = null;
  return started.read;
}

function dropAhead(): void {
  if (!ahead) return;
  clearTimeout(ahead.timer);
  ahead.read.stop();
  ahead = null;
}
