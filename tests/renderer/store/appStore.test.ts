import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import { createAppStore } from '../../../renderer/src/store/appStore';
import { fakeApi, fakeEvents, gite, unit } from '../fakes';

function healthyApi(): Api {
  return fakeApi({
    'property:get': async () => gite,
    'units:list': async () => [unit({ id: 1, name: 'Chambre Tilleul' })],
  });
}

/** A promise the test settles by hand, to hold a call in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createAppStore', () => {
  it('loads the property and the units, and marks each as loaded', async () => {
    const store = createAppStore(healthyApi(), fakeEvents());
    expect(store.getState().loaded).toEqual({ property: false, units: false });
    await store.getState().loadAll();
    const state = store.getState();
    expect(state.property?.name).toBe('Le Pigeonnier de Sarlat');
    expect(state.units.map((u) => u.name)).toEqual(['Chambre Tilleul']);
    expect(state.loaded).toEqual({ property: true, units: true });
    expect(state.loading).toEqual({ property: false, units: false });
  });

  it("reads today in the property's time zone, not the machine's", async () => {
    // 23:30 in Paris on 14 July is already the 15th in Nouméa and still the 14th in Guadeloupe.
    const now = () => new Date('2026-07-14T21:30:00Z');
    const api = healthyApi();
    const store = createAppStore(api, fakeEvents(), now);
    await store.getState().loadAll();
    expect(store.getState().today).toBe('2026-07-14');

    vi.mocked(api['property:get']).mockResolvedValue({ ...gite, timeZone: 'Pacific/Noumea' });
    await store.getState().load('property');
    expect(store.getState().today).toBe('2026-07-15');
    vi.mocked(api['property:get']).mockResolvedValue({ ...gite, timeZone: 'America/Guadeloupe' });
    await store.getState().load('property');
    expect(store.getState().today).toBe('2026-07-14');
  });

  it('ignores events about files: the files have their own stores', async () => {
    const api = healthyApi();
    const events = fakeEvents();
    const store = createAppStore(api, events);
    store.getState().start();
    await vi.waitFor(() => expect(store.getState().loaded.units).toBe(true));

    events.emit('reservations:changed', { reservationIds: [1] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(api['units:list']).toHaveBeenCalledTimes(1);
    expect(api['property:get']).toHaveBeenCalledTimes(1);
  });

  it('reloads the units on units:changed and the property on property:changed', async () => {
    const api = healthyApi();
    const events = fakeEvents();
    const store = createAppStore(api, events);
    store.getState().start();
    await vi.waitFor(() => expect(store.getState().loaded.units).toBe(true));

    events.emit('units:changed', {});
    events.emit('property:changed', {});
    await vi.waitFor(() => expect(api['units:list']).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(api['property:get']).toHaveBeenCalledTimes(2));
  });

  it('stops following events when the function start() returned is called', async () => {
    const events = fakeEvents();
    const stop = createAppStore(healthyApi(), events).getState().start();
    expect(events.listenerCount).toBe(1);
    stop();
    expect(events.listenerCount).toBe(0);
  });

  it('folds a burst of events during a load into one more load', async () => {
    const api = healthyApi();
    const first = deferred<ReturnType<typeof unit>[]>();
    vi.mocked(api['units:list']).mockImplementationOnce(() => first.promise);
    const events = fakeEvents();
    const store = createAppStore(api, events);
    store.getState().start();

    for (let i = 0; i < 5; i++) events.emit('units:changed', {});
    first.resolve([]);
    await vi.waitFor(() => expect(store.getState().units).toHaveLength(1));
    expect(api['units:list']).toHaveBeenCalledTimes(2);
  });

  it('keeps the body of a refusal and clears it when the same load later succeeds', async () => {
    const api = healthyApi();
    vi.mocked(api['units:list']).mockRejectedValueOnce(ApiError.conflict('errors.guestsOverCapacity', { capacity: 4 }));
    const store = createAppStore(api, fakeEvents());

    await store.getState().loadAll();
    expect(store.getState().error).toEqual({ code: 'conflict', key: 'errors.guestsOverCapacity', params: { capacity: 4 }, issues: [] });
    expect(store.getState().loaded.units).toBe(false);

    await store.getState().load('property');
    expect(store.getState().error).not.toBeNull();
    await store.getState().load('units');
    expect(store.getState().error).toBeNull();
    expect(store.getState().loaded.units).toBe(true);
  });

  it('turns an unexpected exception into the internal error, not a crash', async () => {
    const api = healthyApi();
    vi.mocked(api['property:get']).mockRejectedValueOnce(new TypeError('boom'));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = createAppStore(api, fakeEvents());

    await store.getState().load('property');
    expect(store.getState().error).toEqual({ code: 'internal', key: 'errors.internal', issues: [] });
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('forgets the error when the owner dismisses it', async () => {
    const api = healthyApi();
    vi.mocked(api['units:list']).mockRejectedValueOnce(ApiError.notFound('errors.unknownUnit'));
    const store = createAppStore(api, fakeEvents());
    await store.getState().load('units');
    store.getState().dismissError();
    expect(store.getState().error).toBeNull();
  });
});
