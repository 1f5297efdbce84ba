import { Modal } from '../app/Modal';
import { BackupPicker } from './BackupPicker';

/** File → Restore from backup…: the backups with their previews. */
export function RestoreDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Restore from backup" onClose={onClose} wide>
      <p>
        Backups are taken when the app starts and every few minutes while you work. Restoring replaces the whole
        database; the current one is kept as a backup first, so a restore can be undone by restoring that.
      </p>
      <BackupPicker confirmText="The current database will be kept as a backup." />
    </Modal>
  );
}
