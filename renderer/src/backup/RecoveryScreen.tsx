import { Trans, useTranslation } from 'react-i18next';
import type { DatabaseHealth } from '../../../shared/contract';
import { BackupPicker } from './BackupPicker';

/**
 * Shown instead of the app when the database failed the start-up integrity check: it says
 * what is wrong and offers the backups, the newest good one first. Nothing else can run.
 */
export function RecoveryScreen({ health }: { health: DatabaseHealth }) {
  const { t } = useTranslation();
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('backup.damagedTitle')}</h1>
      <p>
        <Trans
          i18nKey="backup.damagedBody"
          values={{ path: health.databasePath }}
          components={{ path: <code className="recovery__path" /> }}
        />
      </p>
      {health.problem ? <p className="recovery__problem">{health.problem}</p> : null}
      <p>{t('backup.restoreToContinue')}</p>
      <BackupPicker confirmText={t('backup.damagedSetAside')} />
    </main>
  );
}
