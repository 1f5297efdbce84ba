import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPLAY_NAME_MAX_CHARS } from '../../../shared/domain/profile';
import { Modal } from '../app/Modal';
import { useProfileStore } from './profile-store';

/**
 * Asks for the analyst's display name, stored as the author of every annotation. Opens by itself
 * at start while no name has been chosen (prefilled with the OS user name: the toolbar's
 * ProfileButton loads the profile), and from the toolbar.
 */
export function ProfileDialog() {
  const { profile, dialogOpen, closeDialog, save } = useProfileStore();

  if (!dialogOpen || !profile) return null;
  return (
    <ProfileForm
      key={profile.displayName}
      initialName={profile.displayName}
      firstStart={!profile.isSet}
      onClose={closeDialog}
      onSave={save}
    />
  );
}

interface ProfileFormProps {
  initialName: string;
  firstStart: boolean;
  onClose: () => void;
  onSave: (displayName: string) => Promise<string | null>;
}

function ProfileForm({ initialName, firstStart, onClose, onSave }: ProfileFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  return (
    <Modal title={firstStart ? t('profile.welcome') : t('profile.title')} onClose={onClose}>
      <form
        className="profile"
        onSubmit={(event) => {
          event.preventDefault();
          setSaving(true);
          void onSave(name).then((reason) => {
            setSaving(false);
            setProblem(reason);
          });
        }}
      >
        <p className="muted">{firstStart ? t('profile.firstStartHint') : t('profile.hint')}</p>
        <label className="profile__field">
          {t('profile.displayName')}
          <input
            type="text"
            value={name}
            maxLength={DISPLAY_NAME_MAX_CHARS + 20}
            autoFocus
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'profile-problem' : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        {problem ? (
          <p id="profile-problem" className="profile__problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="primary" disabled={saving}>
            {t('profile.save')}
          </button>
          <button type="button" onClick={onClose}>
            {firstStart ? t('profile.later') : t('app.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
