import type { DatabaseHealth } from '../../../shared/contract';
import { BackupPicker } from './BackupPicker';

/**
 * Shown instead of the app when the database failed the start-up integrity check: it says
 * what is wrong and offers the backups, the newest good one first. Nothing else can run.
 */
export function RecoveryScreen({ health }: { health: DatabaseHealth }) {
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">The database is damaged</h1>
      <p>
        Marginalia checked <code className="recovery__path">{health.databasePath}</code> at start and found it damaged,
        so it did not open it. Nothing has been changed.
      </p>
      {health.problem ? <p className="recovery__problem">{health.problem}</p> : null}
      <p>Restore a backup to continue. The damaged file is kept in the backups folder, so it can still be inspected.</p>
      <BackupPicker confirmText="The damaged database will be set aside." />
    </main>
  );
}
