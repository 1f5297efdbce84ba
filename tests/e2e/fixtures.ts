import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { LANGUAGE_STORAGE_KEY } from '../../renderer/src/i18n/languages';

export interface RunningHost {
  /** The printed URL, with the token. */
  url: string;
  origin: string;
  token: string;
  databasePath: string;
  dir: string;
}

const SERVE_ENTRY = join(__dirname, '..', '..', 'out', 'main', 'serve.js');

/**
 * Starts the real browser host (`npm run serve`'s entry) on a fresh database in a temp folder;
 * `prepare` may first put a database (and backups) at that path.
 */
export async function startHost(
  extraArgs: string[] = [],
  prepare?: (databasePath: string) => void,
): Promise<{ host: RunningHost; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-'));
  const databasePath = join(dir, 'e2e.db');
  prepare?.(databasePath);
  const child: ChildProcess = spawn(
    process.execPath,
    [SERVE_ENTRY, '--db', databasePath, '--port', '0', ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  const host: RunningHost = {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    databasePath,
    dir,
  };
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  return { host, stop };
}

/** Calls the host's API as the page would (token header). */
export async function callApi(host: RunningHost, name: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-marginalia-token': host.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${name} failed: ${result.error?.message}`);
  return result.value;
}

export const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const { host, stop } = await startHost();
    // A chosen display name, so the first-start profile dialog does not cover the page.
    await callApi(host, 'setProfile', { displayName: 'E2E tester' });
    await use(host);
    await stop();
  },
  page: async ({ page }, use) => {
    // Tests find elements by their English names: English unless a test chose a language itself.
    await page.addInitScript((key) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, 'en');
    }, LANGUAGE_STORAGE_KEY);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
