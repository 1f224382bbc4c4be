import { describe, expect, it, vi } from 'vitest';
import { API_CALL_NAMES, type ApiEventListener } from '../../../shared/api';
import type { PigeonnierBridge, PigeonnierCalls } from '../../../shared/bridge';
import { bridgeTransport } from '../../../renderer/src/api/bridgeTransport';

type Call = PigeonnierCalls[keyof PigeonnierCalls];

/** A bridge shaped like the preload's: one function per call of the contract, each a spy. */
function fakeBridge(answer: Call, onEvent: PigeonnierBridge['onEvent'] = () => () => undefined) {
  const calls = Object.fromEntries(API_CALL_NAMES.map((name) => [name, vi.fn(answer)])) as Record<keyof PigeonnierCalls, ReturnType<typeof vi.fn<Call>>>;
  const bridge: PigeonnierBridge = { calls, onEvent };
  return { bridge, calls };
}

describe('bridgeTransport', () => {
  it("hands each call to the bridge's function of that name, and event listeners to onEvent", async () => {
    const unsubscribe = vi.fn();
    const onEvent = vi.fn(() => unsubscribe);
    const { bridge, calls } = fakeBridge(async () => ({ ok: true as const, value: [] }), onEvent);
    const transport = bridgeTransport(bridge);
    await expect(transport.invoke('units:list', undefined)).resolves.toEqual({ ok: true, value: [] });
    expect(calls['units:list']).toHaveBeenCalledWith(undefined);
    await transport.invoke('reservations:get', { id: 3 });
    expect(calls['reservations:get']).toHaveBeenCalledWith({ id: 3 });
    expect(calls['units:create']).not.toHaveBeenCalled();

    const listener: ApiEventListener = () => undefined;
    transport.subscribe(listener)();
    expect(onEvent).toHaveBeenCalledWith(listener);
    expect(unsubscribe).toHaveBeenCalled();
  });

  it('answers the internal error when IPC itself fails', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { bridge } = fakeBridge(() => Promise.reject(new Error('An object could not be cloned.')));
    await expect(bridgeTransport(bridge).invoke('units:list', undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'internal', key: 'errors.internal', issues: [] },
    });
    consoleError.mockRestore();
  });

  it('refuses a call the bridge does not have (a page newer than its preload), without looking at the prototype', async () => {
    const bridge: PigeonnierBridge = { calls: {} as PigeonnierCalls, onEvent: () => () => undefined };
    await expect(bridgeTransport(bridge).invoke('units:list', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_call', key: 'errors.unknownCall', params: { name: 'units:list' } },
    });
    const transport = bridgeTransport(bridge);
    await expect(transport.invoke('toString' as never, undefined)).resolves.toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });
});
