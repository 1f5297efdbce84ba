import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runImportCommand } from '../../../electron/host/cli/import-command';
import { openWorkbench } from '../../../electron/services/workbench';
import { tempDir } from '../../helpers/temp-workbench';
import { useBundledEntries } from './helpers/build-entries';
import { PNG_HEADER, VIETNAMESE_ARTICLE, writeFiles } from './helpers/fixtures';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A folder mixing good files, a duplicate and bad files. */
function mixedFolder(): { dir: string; folder: string; db: string } {
  const { dir, dispose } = tempDir();
  cleanups.push(dispose);
  writeFiles(dir, {
    'mixed/good.txt': VIETNAMESE_ARTICLE,
    'mixed/same-again.txt': VIETNAMESE_ARTICLE.replace(/\n/g, '\r\n'),
    'mixed/sub/records.jsonl': '{"title": "Tin A", "text": "Nội dung tin A."}\n',
    'mixed/image.txt': PNG_HEADER,
    'mixed/empty.txt': '',
    'mixed/broken.json': '{"text": "x",}',
  });
  return { dir, folder: join(dir, 'mixed'), db: join(dir, 'cli.db') };
}

const EXPECTED_LINES = [
  'skipped    mixed/broken.json: Malformed JSON at line 1, column 14',
  'skipped    mixed/empty.txt: The file is empty.',
  'imported   mixed/good.txt: Bộ Công an tổng kết công tác đối ngoại năm 2023',
  'skipped    mixed/image.txt: This is a PNG image, not text.',
  'duplicate  mixed/same-again.txt: Bộ Công an tổng kết công tác đối ngoại năm 2023',
  'imported   mixed/sub/records.jsonl (line 1): Tin A',
];

function resultLines(output: string): string[] {
  return output.split('\n').filter((line) => /^(imported|duplicate|skipped) /.test(line));
}

describe('cli import', () => {
  // In this process, reading files in the bundled extract worker as the real command does.
  const bundled = useBundledEntries();
  it('imports a mixed folder, reports every file, and exits 1 because some were skipped', async () => {
    const { folder, db } = mixedFolder();
    const logged: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void logged.push(line));
    cleanups.push(() => vi.restoreAllMocks());
    const exitCode = await runImportCommand([folder, '--db', db], bundled('extractWorker.js'));
    const output = logged.join('\n');
    expect(exitCode).toBe(1);
    expect(resultLines(output).map((line, i) => line.slice(0, EXPECTED_LINES[i]?.length))).toEqual(EXPECTED_LINES);
    expect(logged.at(-1)).toBe('Imported 2, duplicates 1, skipped 3.');
    const workbench = openWorkbench(db);
    expect(workbench.articles.list().map((article) => article.displayTitle)).toEqual([
      'Bộ Công an tổng kết công tác đối ngoại năm 2023',
      'Tin A',
    ]);
    workbench.close();
  });

  it('exits 0 when every file imported or was a duplicate', async () => {
    const { dir, db } = mixedFolder();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    cleanups.push(() => vi.restoreAllMocks());
    expect(
      await runImportCommand(
        [join(dir, 'mixed', 'good.txt'), join(dir, 'mixed', 'same-again.txt'), '--db', db],
        bundled('extractWorker.js'),
      ),
    ).toBe(0);
  });
});

describe('cli import, spawned from the bundle', () => {
  const bundled = useBundledEntries();

  it('prints plain lines and the summary when not on a terminal, and exits 1', () => {
    const { folder, db } = mixedFolder();
    const run = spawnSync(process.execPath, [bundled('cli.js'), 'import', folder, '--db', db], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('\r');
    expect(resultLines(run.stdout).map((line, i) => line.slice(0, EXPECTED_LINES[i]?.length))).toEqual(EXPECTED_LINES);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Imported 2, duplicates 1, skipped 3.');
  });

  it('reports a path that does not exist as skipped, and exits 1', () => {
    const { dir, db } = mixedFolder();
    const run = spawnSync(process.execPath, [bundled('cli.js'), 'import', join(dir, 'nowhere'), '--db', db], {
      encoding: 'utf8',
    });
    expect(run.stdout).toContain('skipped    ');
    expect(run.stdout).toContain('could not be read');
    expect(run.status).toBe(1);
  });
});
