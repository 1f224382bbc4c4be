/**
 * The settings and first-run forms: the property, its rooms (add, edit, order), the feed
 * server's address, and the first run's set-up or demo. Each form's outcome is kept by name
 * ('property', 'room:12', 'room:new', 'feedServer', 'welcome') for that form to show.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api, ApiInput } from '../../../shared/api';
import type { Unit } from '../../../shared/domain';
import type { FeedServerInfo } from '../../../shared/outgoingFeeds';
import type { AppStore } from './appStore';
import { IDLE_FORM, submitForm, type FormStatus } from './formStatus';

export interface SettingsState {
  forms: Record<string, FormStatus>;
  feedServer: FeedServerInfo | null;
  form(name: string): FormStatus;
  saveProperty(input: ApiInput<'property:save'>): Promise<boolean>;
  createRoom(input: ApiInput<'units:create'>): Promise<boolean>;
  updateRoom(id: number, changes: ApiInput<'units:update'>['changes']): Promise<boolean>;
  /** Moves a room up (−1) or down (+1) in the order every view shows. */
  moveRoom(id: number, by: -1 | 1): Promise<void>;
  loadFeedServer(): Promise<void>;
  saveFeedServer(input: ApiInput<'settings:saveFeedServer'>): Promise<boolean>;
  /** First run: the property, then each room; stops at the first refusal, which its form shows. */
  setUp(property: ApiInput<'property:save'>, rooms: ApiInput<'units:create'>[]): Promise<boolean>;
  loadDemo(): Promise<boolean>;
}

export type SettingsStore = StoreApi<SettingsState>;

export function createSettingsStore(api: Api, app: AppStore): SettingsStore {
  return createStore<SettingsState>()((set, get) => {
    const update = (name: string, status: FormStatus) => set((state) => ({ forms: { ...state.forms, [name]: status } }));
    const reloadApp = () => void app.getState().loadAll();
    /** First-run rooms already created, by their place in the form. */
    const welcomeRooms = new Set<number>();

    return {
      forms: {},
      feedServer: null,
      form: (name) => get().forms[name] ?? IDLE_FORM,
      async saveProperty(input) {
        return (await submitForm(update, 'property', () => api['property:save'](input))) !== null;
      },
      async createRoom(input) {
        const created = await submitForm(update, 'room:new', () => api['units:create'](input));
        if (created) void app.getState().load('units');
        return created !== null;
      },
      async updateRoom(id, changes) {
        const updated = await submitForm(update, `room:${id}`, () => api['units:update']({ id, changes }));
        if (updated) void app.getState().load('units');
        return updated !== null;
      },
      async moveRoom(id, by) {
        const ids = app.getState().units.map((u: Unit) => u.id);
        const from = ids.indexOf(id);
        const to = from + by;
        if (from < 0 || to < 0 || to >= ids.length) return;
        [ids[from], ids[to]] = [ids[to]!, ids[from]!];
        const units = await submitForm(update, 'roomOrder', () => api['units:reorder']({ unitIds: ids }));
        if (units) app.setState({ units });
      },
      async loadFeedServer() {
        try {
          set({ feedServer: await api['settings:getFeedServer']() });
        } catch (error) {
          app.getState().report(error);
        }
      },
      async saveFeedServer(input) {
        const saved = await submitForm(update, 'feedServer', () => api['settings:saveFeedServer'](input));
        if (saved) set({ feedServer: saved });
        return saved !== null;
      },
      async setUp(property, rooms) {
        if (!(await submitForm(update, 'welcome', () => api['property:save'](property)))) return false;
        for (const [index, room] of rooms.entries()) {
          // A room refused halfway: the owner corrects it and submits again, without doubling the others.
          if (welcomeRooms.has(index)) continue;
          if (!(await submitForm(update, `welcome:room:${index}`, () => api['units:create'](room)))) return false;
          welcomeRooms.add(index);
        }
        reloadApp();
        return true;
      },
      async loadDemo() {
        const loaded = await submitForm(update, 'demo', () => api['demo:load']());
        reloadApp();
        return loaded !== null;
      },
    };
  });
}
