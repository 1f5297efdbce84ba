import { useProfileStore } from './profile-store';

/** The toolbar's way to the profile: shows whose name new annotations carry. */
export function ProfileButton() {
  const profile = useProfileStore((state) => state.profile);
  const openDialog = useProfileStore((state) => state.openDialog);
  return (
    <button type="button" onClick={openDialog} title="Profile: the name stored with your annotations">
      {profile ? profile.displayName : 'Profile'}
    </button>
  );
}
