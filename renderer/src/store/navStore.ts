import { createStore, type StoreApi } from 'zustand/vanilla';
import { formatRoute, parseRoute, type Route } from '../routes';

export interface NavState {
  route: Route;
  go(route: Route): void;
  /** Follows the address bar (back, forward, a pasted link); returns the function that stops. */
  start(): () => void;
}

export type NavStore = StoreApi<NavState>;

/** The route lives in the URL's hash, so back and forward work and a reload keeps the view. */
export function createNavStore(win: Window = window): NavStore {
  return createStore<NavState>()((set) => ({
    route: parseRoute(win.location.hash),
    go(route) {
      const hash = formatRoute(route);
      if (win.location.hash !== hash) win.history.pushState(null, '', hash);
      set({ route });
    },
    start() {
      const follow = () => set({ route: parseRoute(win.location.hash) });
      win.addEventListener('hashchange', follow);
      win.addEventListener('popstate', follow);
      return () => {
        win.removeEventListener('hashchange', follow);
        win.removeEventListener('popstate', follow);
      };
    },
  }));
}
