import { useTranslation } from 'react-i18next';
import { Modal } from '../app/Modal';
import { BackupPicker } from './BackupPicker';

/** File → Restore from backup…: the backups with their previews. */
export function RestoreDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('backup.restoreTitle')} onClose={onClose} wide>
      <p>{t('backup.restoreIntro')}</p>
      <BackupPicker confirmText={t('backup.currentKept')} />
    </Modal>
  );
}
