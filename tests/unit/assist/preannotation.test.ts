import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../../shared/contract';
import type { PreannotationJob } from '../../../shared/contract/assist';
import type { JobProgress } from '../../../shared/contract/events';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { addArticle } from '../export/fixtures';
import { useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();

const WITH_NAMES = 'Sáng 10/1, Bộ Ngoại giao và Bộ Công an họp tại Hà Nội.';
const WITHOUT_NAMES = 'không có gì để gợi ý ở đây cả';

let workbench: ReturnType<typeof freshWorkbench>;
let api: ApiHandlers;

beforeEach(() => {
  workbench = freshWorkbench();
  workbench.profile.set('Lan');
  api = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });
});

async function call<T>(name: keyof ApiHandlers, input: unknown): Promise<T> {
  const answer = await dispatchCall(api, name, input, () => undefined);
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value as T;
}

async function finished(jobId: string): Promise<PreannotationJob> {
  for (;;) {
    const job = await call<PreannotationJob>('getPreannotationJob', { jobId });
    if (job.state !== 'running') return job;
    await sleep(5);
  }
}

/** The stored suggestions of an article as the store holds them, read back apart from the job. */
const storedOf = (articleId: number) =>
  workbench.db
    .prepare(`SELECT label_key || ':' || quote AS s FROM assist_stored_suggestions WHERE article_id = ? ORDER BY start`)
    .pluck()
    .all(articleId);

describe('pre-annotating a batch', () => {
  it('stores every article’s suggestions for review, applies none, and lists the articles with most first', async () => {
    const many = addArticle(workbench, `${WITH_NAMES} ${WITH_NAMES}`, 'Hai lần');
    const one = addArticle(workbench, WITH_NAMES, 'Một lần');
    const none = addArticle(workbench, WITHOUT_NAMES, 'Không');
    const progress: JobProgress[] = [];
    workbench.events.subscribe('jobProgress', (event) => progress.push(event));

    const { jobId } = await call<{ jobId: string }>('startPreannotation', { scope: { kind: 'all' } });
    const job = await finished(jobId);

    expect(job).toMatchObject({ state: 'done', articlesTotal: 3, articlesDone: 3, articlesWithSuggestions: 2 });
    expect(job.mostSuggested.map((a) => a.articleId)).toEqual([many, one]);
    expect(storedOf(one)).toEqual(['DATE:Sáng 10/1', 'ORG:Bộ Ngoại giao', 'ORG:Bộ Công an', 'LOC:Hà Nội']);
    expect(storedOf(none)).toEqual([]);
    expect(job.suggestionsStored).toBe(storedOf(many).length + storedOf(one).length);
    // Nothing applied: no span, no history.
    expect(workbench.db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(0);
    expect(workbench.changes.historyState(one).canUndo).toBe(false);
    // The final state was pushed as an event.
    expect(progress.at(-1)).toMatchObject({ kind: 'preannotate', job: { jobId, state: 'done' } });
  });

  it('running again replaces what the earlier run stored (no duplicates)', async () => {
    const id = addArticle(workbench, WITH_NAMES, 'Một lần');
    await finished((await call<{ jobId: string }>('startPreannotation', { scope: { kind: 'all' } })).jobId);
    const first = storedOf(id);
    await finished(
      (await call<{ jobId: string }>('startPreannotation', { scope: { kind: 'articles', articleIds: [id] } })).jobId,
    );
    expect(storedOf(id)).toEqual(first);
  });

  it('stored suggestions are listed in the reader after the sources are switched off, until decided', async () => {
    const id = addArticle(workbench, WITH_NAMES, 'Một lần');
    await finished((await call<{ jobId: string }>('startPreannotation', { scope: { kind: 'all' } })).jobId);
    workbench.assist.setSources({ gazetteer: false, learned: false, pattern: false });
    const listed = await call<{ suggestions: { labelKey: string; quote: string; start: number; end: number }[] }>(
      'getSuggestions',
      { articleId: id },
    );
    expect(listed.suggestions.map((s) => `${s.labelKey}:${s.quote}`)).toEqual(storedOf(id));

    // Accepting one (an ordinary span) takes it off the list; the stored row stays as the run's record.
    const org = listed.suggestions.find((s) => s.labelKey === 'ORG')!;
    workbench.changes.apply({
      origin: 'model',
      changes: [
        {
          kind: 'annotation.create',
          ref: 'org',
          annotation: { articleId: id, labelKey: 'ORG', start: org.start, end: org.end, quote: org.quote },
        },
      ],
    });
    const after = await call<{ suggestions: { quote: string }[] }>('getSuggestions', { articleId: id });
    expect(after.suggestions.map((s) => s.quote)).not.toContain(org.quote);
  });

  it('a library filter scopes the run', async () => {
    const chosen = addArticle(workbench, WITH_NAMES, 'Chọn bài này');
    const other = addArticle(workbench, `${WITH_NAMES} Lần nữa.`, 'Bài khác');
    const job = await finished(
      (await call<{ jobId: string }>('startPreannotation', { scope: { kind: 'filter', filter: { text: 'Chọn' } } }))
        .jobId,
    );
    expect(job.articlesTotal).toBe(1);
    expect(storedOf(chosen).length).toBeGreaterThan(0);
    expect(storedOf(other)).toEqual([]);
  });

  it('cancel stops the run between articles; what it stored stays stored', async () => {
    const ids = Array.from({ length: 400 }, (_, i) => addArticle(workbench, `${WITH_NAMES} ${i}`, `Bài ${i}`));
    const { jobId } = await call<{ jobId: string }>('startPreannotation', { scope: { kind: 'all' } });
    const cancelled = await call<PreannotationJob>('cancelPreannotation', { jobId });
    expect(cancelled.state).toBe('running'); // it stops at the next slice
    const job = await finished(jobId);
    expect(job.state).toBe('cancelled');
    expect(job.articlesDone).toBeLessThan(ids.length);
    const storedArticles = workbench.db
      .prepare('SELECT count(DISTINCT article_id) FROM assist_stored_suggestions')
      .pluck()
      .get();
    expect(storedArticles).toBe(job.articlesDone);
  });

  it('bad scopes are refused by name: a missing article, a malformed filter, an unknown job', async () => {
    const missing = await dispatchCall(
      api,
      'startPreannotation',
      { scope: { kind: 'articles', articleIds: [999] } },
      () => undefined,
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const malformed = await dispatchCall(
      api,
      'startPreannotation',
      { scope: { kind: 'filter', filter: { nope: 1 } } },
      () => undefined,
    );
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await dispatchCall(api, 'getPreannotationJob', { jobId: 'x' }, () => undefined);
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'not_found', ref: { key: 'preannotationJobNotFound' } },
    });
  });
});
