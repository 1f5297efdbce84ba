import { useSyncExternalStore } from 'react';
import { createStore, type StateCreator } from 'zustand/vanilla';

/**
 * zustand's `create`, but for the snapshot React takes while rendering on a server and hydrating
 * (issue 13, the library's first screen: first-screen/): zustand gives then the state the store
 * was created with, for a page rendered from a store's defaults. Marginalia's first screen is
 * rendered by the host from the state loaded from the start calls' answers (app/start-state.ts),
 * and the page hydrates it after loading the same state from the same answers: the snapshot in
 * both is the store's current state. Every store of the renderer is made with this.
 */
export function create<State>(initializer: StateCreator<State, [], []>) {
  const store = createStore(initializer);
  const useBoundStore = <Slice = State>(selector: (state: State) => Slice = (state) => state as unknown as Slice) => {
    const snapshot = () => selector(store.getState());
    return useSyncExternalStore(store.subscribe, snapshot, snapshot);
  };
  return Object.assign(useBoundStore, store);
}
