/**
 * The page's start data (issue 13, electron/services/start-page.ts): the part of index.html
 * before the data block is ready before any call runs (the host sends it at once, so the browser
 * fetches the scripts while the host answers), and the block then holds each call's answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { withStartData } from '../../../electron/services/start-page';
import type { ApiHandlers } from '../../../shared/contract';
import { START_CALLS, START_DATA_ID, type StartCall } from '../../../shared/contract/start-data';
import { openTempWorkbench } from '../../helpers/temp-workbench';

const PAGE =
  '<!doctype html><head><link rel="modulepreload" href="./a.js"><script type="module" src="./boot.js"></script></head>';
const PAGE_WITH_ROOT = `${PAGE}<body><div id="root"></div></body>`;

describe('start page', () => {
  let workbench: ReturnType<typeof openTempWorkbench> | undefined;
  afterEach(() => workbench?.dispose());

  it('gives the head before any call runs, then the block with every start call answered, then the rest', async () => {
    workbench = openTempWorkbench();
    const real = createApiHandlers(workbench, { kind: 'browser', appVersion: '0.0.0-test' });
    const ran: string[] = [];
    const handlers = new Proxy(real, {
      get: (target, name: string) => (input: unknown) => {
        ran.push(name);
        return (target[name as keyof ApiHandlers] as (input: unknown) => unknown)(input);
      },
    });
    const page = withStartData(PAGE, handlers, () => undefined);
    expect(page.head).toBe('<!doctype html><head><link rel="modulepreload" href="./a.js">');
    expect(ran).toEqual([]);
    const rest = await page.rest;
    expect(ran).toEqual(START_CALLS.map((call) => call.name));
    const block = new RegExp(`^<script type="application/json" id="${START_DATA_ID}">(.*?)</script>`).exec(rest);
    const calls = JSON.parse(block![1]!) as StartCall[];
    expect(calls.map((call) => [call.name, call.result.ok])).toEqual(START_CALLS.map((call) => [call.name, true]));
    expect(rest.endsWith('<script type="module" src="./boot.js"></script></head>')).toBe(true);
  });

  it('leaves a page without a script as it is and runs no call', async () => {
    const ran: string[] = [];
    const handlers = new Proxy({} as ApiHandlers, { get: (_target, name: string) => () => ran.push(name) });
    const page = withStartData('<!doctype html><title>x</title>', handlers, () => undefined);
    expect(page.head + (await page.rest)).toBe('<!doctype html><title>x</title>');
    expect(ran).toEqual([]);
  });

  it("puts the first screen rendered from the page's answers into #root, inert and naming its language", async () => {
    workbench = openTempWorkbench();
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: '0.0.0-test' });
    const given: StartCall[][] = [];
    const page = withStartData(
      PAGE_WITH_ROOT,
      handlers,
      () => undefined,
      (calls) => {
        given.push(calls);
        return Promise.resolve({ html: '<div class="app">…</div>', language: 'vi' });
      },
    );
    const rest = await page.rest;
    expect(given[0]!.map((call) => call.name)).toEqual(START_CALLS.map((call) => call.name));
    expect(
      rest.endsWith('<body><div id="root" inert data-first-screen="vi"><div class="app">…</div></div></body>'),
    ).toBe(true);
  });

  it('leaves #root empty without a first screen, and drops a language that is not a tag', async () => {
    workbench = openTempWorkbench();
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: '0.0.0-test' });
    const none = withStartData(
      PAGE_WITH_ROOT,
      handlers,
      () => undefined,
      () => Promise.resolve(null),
    );
    expect((await none.rest).endsWith('<body><div id="root"></div></body>')).toBe(true);
    const odd = withStartData(
      PAGE_WITH_ROOT,
      handlers,
      () => undefined,
      () => Promise.resolve({ html: '<p>x</p>', language: '"><script>' as 'vi' }),
    );
    expect((await odd.rest).endsWith('<div id="root" inert data-first-screen=""><p>x</p></div></body>')).toBe(true);
  });
});
