import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { AppState } from './appStore';
import type { Stores } from './createStores';

const StoreContext = createContext<Stores | null>(null);

/** The stores come from outside (main.tsx, or a test with a fake Api), never from a module global. */
export function StoreProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoreContext value={stores}>{children}</StoreContext>;
}

export function useStores(): Stores {
  const stores = useContext(StoreContext);
  if (!stores) throw new Error('The page needs a <StoreProvider> above it');
  return stores;
}

type StoreName = Exclude<keyof Stores, 'start'>;
type StateOf<K extends StoreName> = Stores[K] extends StoreApi<infer S> ? S : never;

/**
 * Selects from one store; select one value or a stable reference, as zustand compares with
 * Object.is (select an object built on the fly and the component renders forever).
 */
export function useSlice<K extends StoreName, T>(name: K, selector: (state: StateOf<K>) => T): T {
  const store = useStores()[name] as unknown as StoreApi<StateOf<K>>;
  return useStore<StoreApi<StateOf<K>>, T>(store, selector);
}

/** The app store's actions and state, as the first components used them. */
export function useAppStoreApi() {
  return useStores().app;
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useSlice('app', selector);
}
