/**
 * The Alma Heritage store's credentials check: its result comes as the 'alma:credentialsChecked'
 * event, and that event can be lost (the event stream dropped). The store gives up after
 * ALMA_CHECK_PATIENCE_MS (the client's own deadline is 30 s) and says no answer came, so the
 * page's button does not stay disabled; a result that arrives late is then dropped.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALMA_CHECK_PATIENCE_MS, createAlmaStore, type AlmaCheckResult } from '../../../renderer/src/store/almaStore';
import { almaView } from '../channels/almaPage';
import { fakeApi, fakeEvents } from '../fakes';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

async function loadedStore() {
  const events = fakeEvents();
  const api = fakeApi({
    'alma:eligibility': async () => ({ eligible: true, reasons: [] }),
    'alma:get': async () => almaView({ stage: 'contract', passwordSaved: true }),
    'alma:checkCredentials': async () => ({ checkId: 'c1' }),
  });
  const store = createAlmaStore(api, events);
  await store.getState().load();
  return { store, events };
}

describe('the credentials check', () => {
  it('waits longer than the client’s 30 s deadline, then answers that no answer came', async () => {
    expect(ALMA_CHECK_PATIENCE_MS).toBeGreaterThan(30_000);
    const { store, events } = await loadedStore();
    let result: AlmaCheckResult | undefined;
    void store.getState().checkCredentials().then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(result).toBeUndefined();

    await vi.advanceTimersByTimeAsync(ALMA_CHECK_PATIENCE_MS - 30_000);
    expect(result).toEqual({ answered: false, ok: false, problem: null });

    // The lost result turning up afterwards is dropped, not kept for a later check.
    events.emit('alma:credentialsChecked', { checkId: 'c1', ok: true, problem: null });
    const again = store.getState().checkCredentials();
    await vi.advanceTimersByTimeAsync(ALMA_CHECK_PATIENCE_MS);
    expect(await again).toEqual({ answered: false, ok: false, problem: null });
  });

  it('answers with the result when the event comes in time, and sets no answer afterwards', async () => {
    const { store, events } = await loadedStore();
    const check = store.getState().checkCredentials();
    await vi.advanceTimersByTimeAsync(29_000);
    events.emit('alma:credentialsChecked', { checkId: 'c1', ok: false, problem: { key: 'alma.errors.timeout' } });
    expect(await check).toEqual({ answered: true, ok: false, problem: { key: 'alma.errors.timeout' } });
    expect(vi.getTimerCount()).toBe(0);
  });
});
