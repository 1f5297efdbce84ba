import { api } from '../api/client';
import { dropUntakenEarlyAnswers } from '../api/early';
import type { HealthAnswer } from '../backup/HealthGate';
import { errorMessage } from '../i18n/backend';
import { useProfileStore } from '../settings/profile-store';
import { useAppStore } from '../state/app-store';
import { useAttributeStore } from '../state/attribute-store';
import { useLibraryStore } from '../state/library-store';

/**
 * Loads the state the app's first render shows (issue 13, the library's first paint): the
 * database's health, on the library its first page, and the state of the app's mount calls (its
 * info and labels, the profile, the attribute and field definitions; shared/contract/start-data.ts
 * MOUNT_CALLS), each call taking the early answer the page held or the start script sent
 * (api/early.ts). The app then mounts with the rows, the profile's name and the filters' options
 * in one render: no second render follows while its frame is on the way to the screen, nor a
 * shift of the toolbar. The early answers no call took are dropped then: a later call asks the
 * host. Used by main.tsx before the first render, and by the host's first screen
 * (first-screen/library-first-screen.tsx), so both render from the same state.
 */
export async function loadStartState(onLibrary: boolean): Promise<HealthAnswer> {
  const firstPage = onLibrary ? useLibraryStore.getState().prefetch() : Promise.resolve();
  const health = api.getDatabaseHealth({}).then(
    (answer): HealthAnswer => ({ health: answer }),
    (failure: unknown): HealthAnswer => ({ error: errorMessage(failure) }),
  );
  const mountState = health.then(async (answer) => {
    if ('health' in answer && answer.health.status === 'ok')
      await Promise.all([
        useAppStore.getState().boot(),
        useProfileStore.getState().load(),
        useAttributeStore.getState().load(),
      ]);
    dropUntakenEarlyAnswers();
  });
  const [answer] = await Promise.all([health, firstPage, mountState]);
  return answer;
}
