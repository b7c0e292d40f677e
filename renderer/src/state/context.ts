import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppStore, Store } from './store.ts';

export const StoreContext = createContext<AppStore | null>(null);

/** Read (a slice of) the app state; re-renders only when that slice changes. */
export function useApp<T>(selector: (s: Store) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside StoreContext');
  return useStore(store, selector);
}

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside StoreContext');
  return store;
}
