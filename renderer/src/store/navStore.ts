import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppNavigation } from '../../../shared/api';
import { formatRoute, parseRoute, type Route } from '../routes';
import type { ApiEventSource } from './appStore';
import { isEvent } from './events';

export interface NavState {
  route: Route;
  go(route: Route): void;
  /** Follows the address bar (back, forward, a pasted link); returns the function that stops. */
  start(): () => void;
}

export type NavStore = StoreApi<NavState>;

/** The route lives in the URL's hash, so back and forward work and a reload keeps the view. */
/** Where a click on a desktop notification or the tray menu takes the owner. */
function routeFor(target: AppNavigation): Route {
  if (target.target === 'reservation') return { view: 'file', id: target.id };
  if (target.target === 'channel') return { view: 'channels' };
  return { view: 'alerts' };
}

export function createNavStore(events: ApiEventSource, win: Window = window): NavStore {
  return createStore<NavState>()((set, get) => ({
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
      const stopEvents = events.subscribe((message) => {
        if (isEvent(message, 'app:navigate')) get().go(routeFor(message.payload));
      });
      return () => {
        stopEvents();
        win.removeEventListener('hashchange', follow);
        win.removeEventListener('popstate', follow);
      };
    },
  }));
}
