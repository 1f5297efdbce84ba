import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfileStore } from './profile-store';

/**
 * The toolbar's way to the profile: shows whose name new annotations carry. It loads the profile
 * at start (the toolbar is always there; the dialog is a chunk of its own, App.tsx), which opens
 * the dialog while no name has been chosen.
 */
export function ProfileButton() {
  const { t } = useTranslation();
  const profile = useProfileStore((state) => state.profile);
  const openDialog = useProfileStore((state) => state.openDialog);
  useEffect(() => {
    void useProfileStore.getState().load();
  }, []);
  return (
    <button type="button" onClick={openDialog} title={t('profile.buttonTitle')}>
      {profile ? profile.displayName : t('profile.button')}
    </button>
  );
}
