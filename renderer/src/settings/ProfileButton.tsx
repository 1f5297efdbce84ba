import { useTranslation } from 'react-i18next';
import { useProfileStore } from './profile-store';

/**
 * The toolbar's way to the profile: shows whose name new annotations carry. The profile is loaded
 * before the app's first render (main.tsx), which opens the dialog (a chunk of its own, App.tsx)
 * while no name has been chosen.
 */
export function ProfileButton() {
  const { t } = useTranslation();
  const profile = useProfileStore((state) => state.profile);
  const openDialog = useProfileStore((state) => state.openDialog);
  return (
    <button type="button" onClick={openDialog} title={t('profile.buttonTitle')}>
      {profile ? profile.displayName : t('profile.button')}
    </button>
  );
}
