import type { StoreApi } from 'zustand/vanilla';

/**
 * Calls `show` with the store's state now and after each change to one of `keys`, outside React:
 * for painters that must follow a store without a render of the component that owns them.
 * Returns the unsubscribe, for an effect's clean-up.
 */
export function followStore<State>(
  store: Pick<StoreApi<State>, 'getState' | 'subscribe'>,
  keys: readonly (keyof State)[],
  show: (state: State) => void,
): () => void {
  show(store.getState());
  return store.subscribe((state, previous) => {
    if (keys.some((key) => state[key] !== previous[key])) show(state);
  });
}
