/**
 * The desktop app itself, through Playwright's Electron driver. It needs a runnable Electron
 * binary (and the Electron-ABI sqlite build that `npm start` makes); where there is none, each
 * test is skipped with the reason printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { dragAcross } from '../e2e/reader-helpers';

const ROOT = join(__dirname, '..', '..');

function electronBinary(): { path: string } | { why: string } {
  const resolve = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (resolve.status !== 0) return { why: 'no Electron binary on this machine (its download is not possible here)' };
  const path = resolve.stdout.trim();
  const probe = spawnSync(path, ['--version'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 30_000 });
  return probe.status === 0 ? { path } : { why: `the Electron binary at ${path} does not run` };
}

const binary = electronBinary();
if ('why' in binary) console.log(`Skipping the Electron end-to-end tests: ${binary.why}.`);

test.describe('desktop app', () => {
  test.skip('why' in binary, 'why' in binary ? binary.why : '');

  test('opens the seed library in a locked-down window and annotates over IPC', async () => {
    if (!('path' in binary)) return;
    // Same Electron-ABI build of better-sqlite3 that `npm start` prepares.
    const prepare = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--prepare-only'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    expect(prepare.status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-electron-'));
    const app = await electron.launch({ executablePath: binary.path, args: [ROOT, '--db', join(dir, 'e2e.db')] });
    try {
      const page = await app.firstWindow();
      await expect(page.locator('.library__table tbody tr')).toHaveCount(5);
      const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL());
      expect(url).toBe('app://marginalia/index.html');
      // The page sees only the contract bridge: no require, no process, no ipcRenderer.
      const globals = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as { marginalia: object }).marginalia).length > 10,
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: true });
      // Navigation away and new windows are refused.
      await page.evaluate(() => window.open('https://example.org'));
      expect(app.windows()).toHaveLength(1);

      // First start asks once for the display name, prefilled with the OS user name.
      await page.getByRole('dialog', { name: 'Welcome to Marginalia' }).getByRole('button', { name: 'Save' }).click();
      await page.getByRole('button', { name: /^3 đề xuất của Bộ Công an/ }).click();
      await expect(page.getByLabel('Article text')).toContainText('Lương Tam Quang');
      await dragAcross(page, 'Lương Tam Quang');
      await page.keyboard.press('3');
      await expect(page.locator('.spans__row')).toHaveCount(1);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
