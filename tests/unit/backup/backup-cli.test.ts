import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchHolder } from '../../../electron/services/backup/workbench-holder';
import { openWorkbench } from '../../../electron/services/workbench';
import { tempDir } from '../../helpers/temp-workbench';
import { useBundledEntries } from '../import/helpers/build-entries';
import { addArticles, corruptMiddle } from './helpers';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A database of `articles` articles with one manual backup; returns the backup's name. */
async function databaseWithBackup(articles: number): Promise<{ db: string; backup: string }> {
  const { dir, dispose } = tempDir('marginalia-backup-cli-');
  cleanups.push(dispose);
  const db = join(dir, 'cli.db');
  const holder = WorkbenchHolder.open(db, { scheduleBackups: false });
  addArticles(holder.current(), articles);
  const backup = await holder.createBackup();
  await holder.close();
  return { db, backup: backup.fileName };
}

describe('cli backup', { timeout: 60_000 }, () => {
  const bundled = useBundledEntries();
  const cli = (...args: string[]) => spawnSync(process.execPath, [bundled('cli.js'), ...args], { encoding: 'utf8' });

  it('lists, creates, previews a restore without --yes, and restores with it', async () => {
    const { db, backup } = await databaseWithBackup(2);
    const later = openWorkbench(db);
    addArticles(later, 1, 'Sau');
    later.close();

    const list = cli('backup', 'list', '--db', db);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(`${backup}  manual`);
    expect(list.stdout).toContain('2 articles, 0 annotations');

    const created = cli('backup', 'create', '--db', db);
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/Backup written: .*-manual\.db/);
    expect(created.stdout).toContain('3 articles');

    const dryRun = cli('backup', 'restore', backup, '--db', db);
    expect(dryRun.status).toBe(1);
    expect(dryRun.stdout).toContain('2 articles');
    expect(dryRun.stdout).toContain('Nothing changed. Run again with --yes');
    const unchanged = openWorkbench(db);
    expect(unchanged.articles.list()).toHaveLength(3);
    unchanged.close();

    const restored = cli('backup', 'restore', backup, '--db', db, '--yes');
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/kept as .*-before-restore\.db/);
    const after = openWorkbench(db);
    expect(after.articles.list()).toHaveLength(2);
    after.close();
  });

  it('a damaged database stops other commands with a message naming the file and the newest good backup', async () => {
    const { db, backup } = await databaseWithBackup(300);
    corruptMiddle(db);
    const run = cli('export', '--format', 'jsonl', '--out', join(db, '..', 'x.jsonl'), '--db', db);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`The database ${db} is damaged and was not opened.`);
    expect(run.stderr).toContain(`The newest good backup is ${join(db, '..', 'backups', backup)}`);
    expect(run.stderr).toContain(`npm run cli -- backup restore ${backup}`);

    const restored = cli('backup', 'restore', backup, '--db', db, '--yes');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('moved aside');
    const after = openWorkbench(db);
    expect(after.articles.list()).toHaveLength(300);
    after.close();
  });
});
