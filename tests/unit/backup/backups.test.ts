import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackupFiles } from '../../../electron/services/backup/backup-files';
import { BackupScheduler } from '../../../electron/services/backup/backup-scheduler';
import { BackupService } from '../../../electron/services/backup/backup-service';
import { WorkbenchHolder } from '../../../electron/services/backup/workbench-holder';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations';
import { checkIntegrity } from '../../../electron/services/store/snapshots';
import { openWorkbench } from '../../../electron/services/workbench';
import { tempDir } from '../../helpers/temp-workbench';
import { addArticles, annotate, corruptMiddle, truncateTo } from './helpers';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDatabasePath(): string {
  const { dir, dispose } = tempDir('marginalia-backup-');
  cleanups.push(dispose);
  return join(dir, 'marginalia.db');
}

function openHolder(path: string, keep = 3): WorkbenchHolder {
  const holder = WorkbenchHolder.open(path, {
    backup: { intervalMinutes: 0, keep },
    log: (message) => {
      throw new Error(message);
    },
  });
  cleanups.push(() => holder.close());
  return holder;
}

describe('rolling backups', { timeout: 30_000 }, () => {
  it('keeps the newest K rolling backups, named by sortable UTC time, and only when the database changed', async () => {
    const path = tempDatabasePath();
    const holder = openHolder(path, 3);
    const workbench = holder.current();
    const service = new BackupService(path);
    const scheduler = new BackupScheduler(workbench.db, service, { intervalMinutes: 0, keep: 3 }, () => undefined);

    await scheduler.start();
    await scheduler.backupIfChanged(); // nothing changed: no new file
    expect(listBackupFiles(path)).toHaveLength(1);

    const made: string[] = [listBackupFiles(path)[0]?.fileName as string];
    for (let i = 0; i < 4; i++) {
      addArticles(workbench, 1, `Lần ${i}`);
      await scheduler.backupIfChanged();
      made.push(listBackupFiles(path).at(-1)?.fileName as string);
    }
    const kept = listBackupFiles(path).map((file) => file.fileName);
    expect(kept).toEqual(made.slice(-3));
    expect(kept).toEqual([...kept].sort());
    expect(kept[0]).toMatch(/^marginalia-\d{8}T\d{9}Z-rolling\.db$/);
    // The newest backup holds the newest article.
    expect(service.list()[0]?.preview.articleCount).toBe(4);
    expect(readdirSync(service.backupDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('the start-up backup does not check the new copy on the way (quick_check blocked the first calls for 2–3 s at 100,000 articles); the list checks it', async () => {
    const path = tempDatabasePath();
    const holder = openHolder(path);
    addArticles(holder.current(), 2, 'Bài');
    const service = new BackupService(path);
    const scheduler = new BackupScheduler(holder.current().db, service, { intervalMinutes: 0, keep: 3 }, () => {});
    await scheduler.start();
    // The preview cache is where a check would have landed: empty until the list is asked for.
    expect((service as unknown as { previews: Map<string, unknown> }).previews.size).toBe(0);
    const [listed] = service.list();
    expect(listed?.preview).toMatchObject({ ok: true, articleCount: 2 });
  });

  it('notices writes made by another connection (the import worker) through data_version', async () => {
    const path = tempDatabasePath();
    const holder = openHolder(path);
    const service = new BackupService(path);
    const scheduler = new BackupScheduler(holder.current().db, service, { intervalMinutes: 0, keep: 5 }, () => {});
    await scheduler.start();
    const other = openWorkbench(path);
    addArticles(other, 2);
    other.close();
    await scheduler.backupIfChanged();
    expect(service.list().map((backup) => backup.preview.articleCount)).toEqual([2, 0]);
  });

  it('a backup is a consistent snapshot while writes happen on the same connection', async () => {
    const path = tempDatabasePath();
    const holder = openHolder(path);
    const workbench = holder.current();
    // Big enough that the online backup takes many steps, so writes land between them.
    const [articleId] = addArticles(workbench, 400);
    let writes = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        annotate(workbench, articleId as number, 1);
        writes++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const backup = await new BackupService(path).create(workbench.db, 'manual');
    writing = false;
    await writer;

    expect(writes).toBeGreaterThan(0);
    const backupPath = join(new BackupService(path).backupDir, backup.fileName);
    expect(checkIntegrity(backupPath)).toEqual({ ok: true });
    // Opened as a store of its own, the copy is whole: every annotation it holds has its history row.
    const copy = openWorkbench(backupPath);
    try {
      const annotations = copy.annotations.list(articleId as number);
      expect(annotations.length).toBe(backup.preview.annotationCount);
      expect(copy.changes.historyState(articleId as number).canUndo).toBe(annotations.length > 0);
      expect(copy.articles.list()).toHaveLength(400);
    } finally {
      copy.close();
    }
  });
});

describe('backup preview', { timeout: 30_000 }, () => {
  it('reports article and annotation counts, the newest change, the schema version and the size', async () => {
    const path = tempDatabasePath();
    const holder = openHolder(path);
    const workbench = holder.current();
    const [first] = addArticles(workbench, 3);
    annotate(workbench, first as number, 5);
    const newest = workbench.articles.getSummary(first as number).updatedAt;

    const created = await holder.createBackup();
    const handlers = createApiHandlers(holder, { kind: 'browser', appVersion: 'test' });
    const preview = await handlers.previewBackup({ fileName: created.fileName });
    expect(preview).toMatchObject({
      reason: 'manual',
      preview: {
        ok: true,
        problem: null,
        schemaVersion: LATEST_SCHEMA_VERSION,
        articleCount: 3,
        annotationCount: 5,
        newestChangeAt: newest,
      },
    });
    expect(preview.sizeBytes).toBeGreaterThan(4096);
    await expect(
      Promise.resolve().then(() => handlers.previewBackup({ fileName: '../marginalia.db' })),
    ).rejects.toThrow(/no backup called/);
  });

  it('marks a damaged backup as not restorable and skips it for the newest good one', async () => {
    const path = tempDatabasePath();
    const holder = openHolder(path);
    addArticles(holder.current(), 200);
    const good = await holder.createBackup();
    addArticles(holder.current(), 1, 'Thêm');
    const bad = await holder.createBackup();
    corruptMiddle(join(holder.backups.backupDir, bad.fileName));
    const fresh = new BackupService(path); // no cached preview
    const damaged = fresh.find(bad.fileName);
    expect(damaged?.preview.ok).toBe(false);
    expect(damaged?.preview.problem).toMatch(/integrity|malformed|cannot read/i);
    expect(fresh.newestGood(LATEST_SCHEMA_VERSION)?.fileName).toBe(good.fileName);
  });
});

describe('restore', { timeout: 30_000 }, () => {
  it('round trip: restoring a backup brings back its state, read through the services, and keeps the replaced one', async () => {
    const path = tempDatabasePath();
    const holder = openHolder(path);
    const handlers = createApiHandlers(holder, { kind: 'browser', appVersion: 'test' });
    const [articleId] = addArticles(holder.current(), 2);
    annotate(holder.current(), articleId as number, 2);
    const backup = await holder.createBackup();

    annotate(holder.current(), articleId as number, 3);
    addArticles(holder.current(), 1, 'Sau');
    expect(await handlers.listArticles({})).toHaveLength(3);

    const result = await handlers.restoreBackup({ fileName: backup.fileName });
    expect(result.restoredFrom).toBe(backup.fileName);
    expect(result.keptAs).toMatch(/-before-restore\.db$/);

    // The same handlers now read the restored store.
    expect(await handlers.listArticles({})).toHaveLength(2);
    expect(await handlers.listAnnotations({ articleId: articleId as number })).toHaveLength(2);
    const kept = await handlers.previewBackup({ fileName: result.keptAs as string });
    expect(kept.preview).toMatchObject({ articleCount: 3, annotationCount: 5 });
    // And a reopen from disk sees the same.
    await holder.close();
    const reopened = openWorkbench(path);
    expect(reopened.articles.list()).toHaveLength(2);
    reopened.close();
  });

  it('refuses to replace a database another connection has open', async () => {
    const path = tempDatabasePath();
    const holder = openHolder(path);
    addArticles(holder.current(), 1);
    const backup = await holder.createBackup();
    addArticles(holder.current(), 1, 'Khác');
    const other = openWorkbench(path);
    cleanups.push(() => other.close());
    await expect(holder.restore(backup.fileName)).rejects.toThrow(/Another program has .* open/);
    // Nothing was replaced, and the holder still serves the live store.
    expect(holder.current().articles.list()).toHaveLength(2);
  });

  it('refuses names that are not listed backups', async () => {
    const path = tempDatabasePath();
    const holder = openHolder(path);
    await expect(holder.restore('../marginalia.db')).rejects.toThrow(/no backup called/);
  });
});

describe('integrity check at start', { timeout: 30_000 }, () => {
  async function damagedHolder(damage: (path: string) => void) {
    const path = tempDatabasePath();
    const first = WorkbenchHolder.open(path, { backup: { intervalMinutes: 0, keep: 3 } });
    addArticles(first.current(), 300);
    const backup = await first.createBackup();
    await first.close();
    damage(path);
    return { path, backup, holder: openHolder(path) };
  }

  it('a database with overwritten pages is never opened silently: damaged, with the newest good backup named', async () => {
    const { path, backup, holder } = await damagedHolder((file) => corruptMiddle(file));
    expect(holder.health()).toMatchObject({ status: 'damaged', databasePath: path });
    expect(holder.health().problem).toMatch(/integrity|malformed|cannot read/i);
    expect(() => holder.current()).toThrow(/damaged/);
    expect(holder.newestGoodBackup()?.fileName).toBe(backup.fileName);
    const handlers = createApiHandlers(holder, { kind: 'browser', appVersion: 'test' });
    await expect(Promise.resolve().then(() => handlers.listArticles({}))).rejects.toThrow(/damaged/);
  });

  it('a truncated database is detected, and restoring the newest good backup reopens it (recovery)', async () => {
    const { path, backup, holder } = await damagedHolder((file) => truncateTo(file, 0.5));
    expect(holder.health().status).toBe('damaged');
    const handlers = createApiHandlers(holder, { kind: 'browser', appVersion: 'test' });
    const result = await handlers.restoreBackup({ fileName: backup.fileName });
    expect(result.keptAs).toBeNull();
    expect(await handlers.getDatabaseHealth({})).toMatchObject({ status: 'ok', problem: null });
    expect(await handlers.listArticles({})).toHaveLength(300);
    // The damaged file is kept aside for inspection, outside the list of backups.
    const aside = readdirSync(holder.backups.backupDir).filter((name) => name.endsWith('.db.damaged'));
    expect(aside).toHaveLength(1);
    expect(holder.backups.list().map((b) => b.fileName)).not.toContain(aside[0]);
    expect(existsSync(path)).toBe(true);
  });
});
