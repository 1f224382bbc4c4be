/**
 * The channel wizards' side of the page: the presets (steps and rules from main/channels/),
 * the connections, where the feed server can be reached, and the link check — a call that
 * answers a check id at once, whose result arrives as 'connections:linkChecked'.
 */
import { createStore, type StoreApi } from 'zustand';
import type { Api, ApiInput } from '../../../shared/api';
import type { ChannelPreset, ConnectionWithFeeds, LinkCheckResult } from '../../../shared/channelPresets';
import type { FeedServerInfo, OutgoingFeedLink } from '../../../shared/outgoingFeeds';
import type { ApiEventSource, AppStore } from './appStore';
import { isUnknownCall } from './errors';
import { isEvent, isResync } from './events';

export interface ConnectionsState {
  presets: ChannelPreset[];
  connections: ConnectionWithFeeds[];
  feedServer: FeedServerInfo | null;
  loaded: boolean;
  /** True once 'connections:list' answered (the cards and the files' sources use it). */
  listed: boolean;
  load(): Promise<void>;
  /** Reads 'connections:list' again, without the presets. */
  refresh(): Promise<void>;
  /** Reads the list and follows 'connections:changed'; returns the function that stops. */
  start(): () => void;
  create(input: ApiInput<'connections:create'>): Promise<ConnectionWithFeeds>;
  update(input: ApiInput<'connections:update'>): Promise<ConnectionWithFeeds>;
  remove(id: number): Promise<ConnectionWithFeeds>;
  /** Our links for one connection, at the address partners must use. */
  linksOf(connectionId: number): Promise<OutgoingFeedLink[]>;
  /** Fetches the link in the main process; rejects with the refusal when it is not http(s). */
  checkLink(url: string): Promise<LinkCheckResult>;
}

export type ConnectionsStore = StoreApi<ConnectionsState>;

export function createConnectionsStore(api: Api, events: ApiEventSource, app?: AppStore): ConnectionsStore {
  const results = new Map<string, LinkCheckResult>();
  const waiting = new Map<string, (result: LinkCheckResult) => void>();
  let listening: (() => void) | null = null;

  function listen(): void {
    listening ??= events.subscribe((message) => {
      if (!isEvent(message, 'connections:linkChecked')) return;
      const resolve = waiting.get(message.payload.checkId);
      if (resolve) {
        waiting.delete(message.payload.checkId);
        resolve(message.payload);
      } else results.set(message.payload.checkId, message.payload);
    });
  }

  return createStore<ConnectionsState>()((set, get) => ({
    presets: [],
    connections: [],
    feedServer: null,
    loaded: false,
    listed: false,
    async load() {
      listen();
      const [presets, connections, feedServer] = await Promise.all([api['channels:presets'](), api['connections:list'](), api['settings:getFeedServer']()]);
      set({ presets, connections, feedServer, loaded: true, listed: true });
    },
    async refresh() {
      try {
        set({ connections: await api['connections:list'](), listed: true });
      } catch (error) {
        // An older main process without the call: the page falls back to the sync status.
        if (!isUnknownCall(error)) app?.getState().report(error);
      }
    },
    start() {
      const stop = events.subscribe((message) => {
        if (message.event === 'connections:changed' || isResync(message)) void get().refresh();
      });
      void get().refresh();
      return stop;
    },
    async create(input) {
      const created = await api['connections:create'](input);
      set({ connections: [...get().connections, created] });
      return created;
    },
    async update(input) {
      const updated = await api['connections:update'](input);
      set({ connections: get().connections.map((c) => (c.id === updated.id ? updated : c)) });
      return updated;
    },
    async remove(id) {
      const removed = await api['connections:remove']({ id });
      set({ connections: get().connections.map((c) => (c.id === removed.id ? removed : c)) });
      return removed;
    },
    async linksOf(connectionId) {
      const [links, feedServer] = await Promise.all([api['feeds:list'](), api['settings:getFeedServer']()]);
      set({ feedServer });
      return links.filter((link) => link.connectionId === connectionId);
    },
    async checkLink(url) {
      // Listening before the call: over IPC the event may overtake the call's answer.
      listen();
      const { checkId } = await api['connections:checkLink']({ url });
      const early = results.get(checkId);
      if (early) {
        results.delete(checkId);
        return early;
      }
      return new Promise<LinkCheckResult>((resolve) => waiting.set(checkId, resolve));
    },
  }));
}
