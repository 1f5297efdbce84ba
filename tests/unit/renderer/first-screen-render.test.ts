/**
 * The library's first screen as the host renders it (issue 13, renderer/src/first-screen/): the
 * app's own components, from the start calls' answers of a real database, outside a browser. It
 * runs in a process of its own (vitest's forks), as the render does in a worker: the browser
 * stand-ins are set as it loads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { seedIfEmpty } from '../../../electron/services/import/seed';
import type { ApiHandlers } from '../../../shared/contract';
import type { LibraryPage } from '../../../shared/corpus/library-query';
import { dispatchCall } from '../../../shared/contract/dispatch';
import type { FirstScreenRequest } from '../../../shared/contract/first-screen';
import { START_CALLS, type StartCall } from '../../../shared/contract/start-data';
import { openTempWorkbench, SEEDS_DIR } from '../../helpers/temp-workbench';

import { renderFirstScreen } from '../../../renderer/src/first-screen/render-first-screen';

async function libraryRows(handlers: ApiHandlers) {
  const answer = await dispatchCall(handlers, 'queryLibrary', {}, () => undefined);
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.value as LibraryPage).rows;
}

async function startCalls(handlers: ApiHandlers): Promise<StartCall[]> {
  const calls: StartCall[] = [];
  for (const call of START_CALLS)
    calls.push({ ...call, result: await dispatchCall(handlers, call.name, call.input, () => undefined) });
  return calls;
}

/** The rows' article ids and titles' text, in order, from the markup. */
const rowsOf = (html: string) =>
  [...html.matchAll(/<tr data-article-id="(\d+)"[^>]*>.*?<button type="button" class="link">(.*?)<\/button>/g)].map(
    ([, id, title]) => [Number(id), title],
  );

describe('first screen render', () => {
  let workbench: ReturnType<typeof openTempWorkbench> | undefined;
  afterEach(() => workbench?.dispose());

  async function seeded() {
    workbench = openTempWorkbench();
    await seedIfEmpty(workbench, SEEDS_DIR);
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: '0.0.0-test' });
    await dispatchCall(handlers, 'setProfile', { displayName: 'Nguyễn Thị Lan' }, () => undefined);
    return handlers;
  }

  it("renders the library's first page, the profile and the count in the language asked", async () => {
    const handlers = await seeded();
    const request: FirstScreenRequest = {
      calls: await startCalls(handlers),
      language: 'vi',
    };
    const screen = await renderFirstScreen(request);
    expect(screen?.language).toBe('vi');
    const rows = await libraryRows(handlers);
    expect(rows).toHaveLength(5);
    expect(rowsOf(screen!.html)).toEqual(rows.map((row) => [row.id, row.displayTitle]));
    expect(screen!.html).toContain('<h1>Thư viện</h1>');
    expect(screen!.html).toContain('>Nguyễn Thị Lan</button>');
    expect(screen!.html).toContain('5 bài viết');
  });

  it("renders in each request's language, from each request's own answers", async () => {
    const handlers = await seeded();
    const calls = await startCalls(handlers);
    const english = await renderFirstScreen({ calls, language: 'en' });
    expect(english?.language).toBe('en');
    expect(english!.html).toContain('<h1>Library</h1>');

    // A later page's answers, not the state the last render left: the new name, the new status.
    await dispatchCall(handlers, 'setProfile', { displayName: 'Trần Văn Minh' }, () => undefined);
    const first = (await libraryRows(handlers))[0]!;
    await dispatchCall(handlers, 'setArticleStatus', { id: first.id, status: 'done' }, () => undefined);
    const later = await renderFirstScreen({
      calls: await startCalls(handlers),
      language: 'en',
    });
    expect(later!.html).toContain('>Trần Văn Minh</button>');
    expect(later!.html).not.toContain('Nguyễn Thị Lan');
    expect(later!.html).toMatch(new RegExp(`data-article-id="${first.id}".*?status--done`));
  });

  it("keeps a title's markup as text", async () => {
    const handlers = await seeded();
    const first = (await libraryRows(handlers))[0]!;
    const title = 'Họp </div></div><script>window.injected = 1</script> <!-- kết luận';
    await dispatchCall(handlers, 'updateArticleMetadata', { id: first.id, patch: { title } }, () => undefined);
    const screen = await renderFirstScreen({
      calls: await startCalls(handlers),
      language: 'en',
    });
    expect(screen!.html).not.toContain('<script>');
    expect(screen!.html).not.toContain('<!-- kết'); // React's own `<!-- -->` separators aside
    expect(screen!.html).toContain(
      'Họp &lt;/div&gt;&lt;/div&gt;&lt;script&gt;window.injected = 1&lt;/script&gt; &lt;!-- kết luận',
    );
  });

  it('renders none for a database to recover or a library whose first page failed', async () => {
    const handlers = await seeded();
    const calls = await startCalls(handlers);
    const damaged = calls.map((call) =>
      call.name === 'getDatabaseHealth'
        ? {
            ...call,
            result: { ok: true as const, value: { status: 'damaged', databasePath: 'x.db', problem: 'page 3' } },
          }
        : call,
    );
    expect(await renderFirstScreen({ calls: damaged, language: 'en' })).toBeNull();
    const failed = calls.map((call) =>
      call.name === 'queryLibrary'
        ? { ...call, result: { ok: false as const, error: { code: 'internal' as const, message: 'disk' } } }
        : call,
    );
    expect(await renderFirstScreen({ calls: failed, language: 'en' })).toBeNull();
  });
});
