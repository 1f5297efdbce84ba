import { useTranslation } from 'react-i18next';
import { useProfileStore } from './profile-store';

/** The toolbar's way to the profile: shows whose name new annotations carry. */
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
