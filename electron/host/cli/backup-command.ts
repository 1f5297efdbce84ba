import { basename } from 'node:path';
import type { BackupInfo } from '../../../shared/contract/backups';
import { formatBytes } from '../../services/import/limits';
import { damagedDatabaseMessage, openHolderFromArgs } from '../open-workbench';

const USAGE = [
  'Usage: npm run cli -- backup list [--db PATH]',
  '       npm run cli -- backup create [--db PATH]',
  '       npm run cli -- backup restore <backup file name> [--db PATH] [--yes]',
].join('\n');

/**
 * `backup list|create|restore`: the same backups the app takes. Restore shows what the backup
 * holds and changes nothing without --yes. Works on a damaged database too (that is when it
 * is needed). Exit code 2 for misuse or failure, 1 for a restore not confirmed.
 */
export async function runBackupCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const positional = rest.filter((arg, i) => !arg.startsWith('--') && rest[i - 1] !== '--db');
  if (action !== 'list' && action !== 'create' && action !== 'restore') {
    console.error(USAGE);
    return 2;
  }
  const holder = await openHolderFromArgs(rest, { seed: false, scheduleBackups: false });
  try {
    if (action === 'list') {
      const backups = holder.backups.list();
      if (backups.length === 0) console.log(`No backups in ${holder.backups.backupDir}.`);
      for (const backup of backups) console.log(describeBackup(backup));
      if (holder.health().status === 'damaged') console.error(damagedDatabaseMessage(holder));
      return 0;
    }
    if (action === 'create') {
      if (!holder.currentOrNull) {
        console.error(damagedDatabaseMessage(holder));
        return 2;
      }
      const backup = await holder.createBackup();
      console.log(`Backup written: ${holder.backups.backupDir}/${backup.fileName}`);
      console.log(describeBackup(backup));
      return 0;
    }
    const name = positional[0];
    if (!name || positional.length > 1) {
      console.error(USAGE);
      return 2;
    }
    // A path to a file in the backups folder is accepted as its name; nothing outside it is.
    const backup = holder.backups.find(basename(name));
    if (!backup) {
      console.error(`There is no backup called ${basename(name)} in ${holder.backups.backupDir} (see: backup list).`);
      return 2;
    }
    console.log(`Restore ${holder.databasePath} from:`);
    console.log(describeBackup(backup));
    if (!rest.includes('--yes')) {
      console.log('Nothing changed. Run again with --yes to replace the database with this backup.');
      return 1;
    }
    const result = await holder.restore(backup.fileName);
    console.log(`Restored ${result.restoredFrom}.`);
    console.log(
      result.keptAs
        ? `The replaced database is kept as ${result.keptAs}.`
        : 'The damaged database was moved aside into the backups folder (.damaged).',
    );
    return 0;
  } catch (error) {
    console.error(`Backup ${action} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await holder.close();
  }
}

function describeBackup(backup: BackupInfo): string {
  const { preview } = backup;
  const contents = preview.ok
    ? `${preview.articleCount} articles, ${preview.annotationCount} annotations, last change ${preview.newestChangeAt ?? 'none'}, schema ${preview.schemaVersion}`
    : `DAMAGED: ${preview.problem}`;
  return `${backup.fileName}  ${backup.reason}  ${formatBytes(backup.sizeBytes)}  ${contents}`;
}
