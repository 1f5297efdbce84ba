import { create } from '../state/create';
import type { Profile } from '../../../shared/contract';
import { api } from '../api/client';
import { i18next } from '../i18n';
import { useAppStore } from '../state/app-store';

interface ProfileState {
  /** Null until loaded. */
  profile: Profile | null;
  dialogOpen: boolean;
  /** Loads the profile; opens the dialog once at start while no name has been chosen. */
  load(): Promise<void>;
  openDialog(): void;
  closeDialog(): void;
  /** Saves the name; answers the reason it was refused, or null when saved. */
  save(displayName: string): Promise<string | null>;
}

export const useProfileStore = create<ProfileState>((set) => ({
  profile: null,
  dialogOpen: false,

  async load() {
    try {
      const profile = await api.getProfile({});
      set({ profile, dialogOpen: !profile.isSet });
    } catch (error) {
      useAppStore.getState().notify('error', i18next.t('profile.readFailed', { message: (error as Error).message }));
    }
  },

  openDialog() {
    set({ dialogOpen: true });
  },

  closeDialog() {
    set({ dialogOpen: false });
  },

  async save(displayName) {
    // The schema (zod) is not in the start bundle (issue 13); the dialog that saves is a chunk
    // loaded after the first paint, and this import is loaded with it.
    const { DisplayNameSchema } = await import('../../../shared/domain/profile');
    const parsed = DisplayNameSchema.safeParse(displayName);
    if (!parsed.success) return parsed.error.issues[0]?.message ?? i18next.t('profile.invalidName');
    try {
      const profile = await api.setProfile({ displayName: parsed.data });
      set({ profile, dialogOpen: false });
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  },
}));
