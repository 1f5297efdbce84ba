/**
 * The first screen's thread (issue 13, electron/services/first-screen/first-screen-thread.ts): a
 * screen is a head start the page never waits on. A worker that answers gives its screen; one that
 * takes too long, fails or crashes gives none, and a crashed one is started again for the next page.
 * The workers here are small scripts speaking the same messages (the real one needs the built
 * renderer: the e2e tests run it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FirstScreenThread } from '../../../electron/services/first-screen/first-screen-thread';
import type { FirstScreenRequest } from '../../../shared/contract/first-screen';
import { tempDir } from '../../helpers/temp-workbench';

const REQUEST: FirstScreenRequest = { calls: [], language: 'vi' };

/** A worker script: `answer` is the body of a handler given `message` and `port`. */
function workerScript(dir: string, name: string, answer: string): string {
  const path = join(dir, `${name}.cjs`);
  writeFileSync(
    path,
    `const { parentPort, workerData } = require('node:worker_threads');
     parentPort.on('message', (message) => { const port = parentPort; ${answer} });`,
  );
  return path;
}

describe('first screen thread', () => {
  const dirs: ReturnType<typeof tempDir>[] = [];
  const threads: FirstScreenThread[] = [];
  afterEach(async () => {
    await Promise.all(threads.splice(0).map((thread) => thread.dispose()));
    dirs.splice(0).forEach((dir) => dir.dispose());
  });
  const threadWith = (answer: string, waitMs = 5_000) => {
    const dir = tempDir();
    dirs.push(dir);
    const thread = new FirstScreenThread(
      { workerPath: workerScript(dir.dir, 'worker', answer), rendererPath: join(dir.dir, 'renderer.js') },
      waitMs,
    );
    threads.push(thread);
    return thread;
  };

  it("gives the worker's screen, rendered from the request it was sent", async () => {
    const thread = threadWith(
      `port.postMessage({ requestId: message.requestId, screen: { html: '<p>' + message.request.language + ' ' + workerData.rendererPath.endsWith('renderer.js') + '</p>', language: 'vi' } });`,
    );
    expect(await thread.render(REQUEST)).toEqual({ html: '<p>vi true</p>', language: 'vi' });
  });

  it('gives none when the worker takes longer than the page may wait', async () => {
    const thread = threadWith('/* never answers */', 200);
    expect(await thread.render(REQUEST)).toBeNull();
  });

  it('gives none for a render that failed', async () => {
    const thread = threadWith(
      `port.postMessage({ requestId: message.requestId, screen: null, failure: 'Error: broken' });`,
    );
    expect(await thread.render(REQUEST)).toBeNull();
  });

  it('gives none when the worker crashes, and starts it again for the next page', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const crashedOnce = join(dir.dir, 'crashed');
    const thread = new FirstScreenThread(
      {
        workerPath: workerScript(
          dir.dir,
          'crashing',
          `const fs = require('node:fs');
         if (!fs.existsSync(${JSON.stringify(crashedOnce)})) { fs.writeFileSync(${JSON.stringify(crashedOnce)}, ''); process.exit(3); }
         port.postMessage({ requestId: message.requestId, screen: { html: '<p>again</p>', language: 'en' } });`,
        ),
        rendererPath: join(dir.dir, 'renderer.js'),
      },
      5_000, // a worker's start, not the page's wait, is what this waits for on a busy machine
    );
    threads.push(thread);
    expect(await thread.render(REQUEST)).toBeNull();
    expect(await thread.render(REQUEST)).toEqual({ html: '<p>again</p>', language: 'en' });
  });

  it('keeps the last screen of each language for a page whose answers are the same, and renders again when they differ', async () => {
    const thread = threadWith(
      `globalThis.renders = (globalThis.renders ?? 0) + 1;
       port.postMessage({ requestId: message.requestId, screen: { html: '<p>' + globalThis.renders + '</p>', language: message.request.language } });`,
    );
    const changed: FirstScreenRequest = {
      calls: [{ name: 'getAppInfo', input: {}, result: { ok: false, error: { code: 'internal', message: 'x' } } }],
      language: 'vi',
    };
    thread.warmUp(Promise.resolve([]), ['vi', 'en']);
    expect(await thread.render(REQUEST)).toEqual({ html: '<p>1</p>', language: 'vi' });
    expect(await thread.render({ ...REQUEST, language: 'en' })).toEqual({ html: '<p>2</p>', language: 'en' });
    expect(await thread.render(REQUEST)).toEqual({ html: '<p>1</p>', language: 'vi' });
    expect(await thread.render(changed)).toEqual({ html: '<p>3</p>', language: 'vi' });
    expect(await thread.render(changed)).toEqual({ html: '<p>3</p>', language: 'vi' });
  });

  it('keeps no failed render: the next page with the same answers asks again', async () => {
    const thread = threadWith(
      `globalThis.renders = (globalThis.renders ?? 0) + 1;
       port.postMessage(globalThis.renders === 1
         ? { requestId: message.requestId, screen: null, failure: 'Error: once' }
         : { requestId: message.requestId, screen: { html: '<p>ok</p>', language: 'vi' } });`,
    );
    expect(await thread.render(REQUEST)).toBeNull();
    expect(await thread.render(REQUEST)).toEqual({ html: '<p>ok</p>', language: 'vi' });
  });

  it('gives none without a bundle to run (run from source, the dev server)', async () => {
    const thread = new FirstScreenThread(null);
    expect(await thread.render(REQUEST)).toBeNull();
  });
});
