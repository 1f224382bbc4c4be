import { describe, expect, it, vi } from 'vitest';
import type { ApiEventListener } from '../../../shared/api';
import type { PigeonnierBridge } from '../../../shared/bridge';
import { bridgeTransport } from '../../../renderer/src/api/bridgeTransport';

describe('bridgeTransport', () => {
  it("hands calls and event listeners to the preload's bridge", async () => {
    const unsubscribe = vi.fn();
    const bridge: PigeonnierBridge = {
      invoke: vi.fn(async () => ({ ok: true as const, value: [] })),
      onEvent: vi.fn(() => unsubscribe),
    };
    const transport = bridgeTransport(bridge);
    await expect(transport.invoke('units:list', undefined)).resolves.toEqual({ ok: true, value: [] });
    expect(bridge.invoke).toHaveBeenCalledWith('units:list', undefined);

    const listener: ApiEventListener = () => undefined;
    transport.subscribe(listener)();
    expect(bridge.onEvent).toHaveBeenCalledWith(listener);
    expect(unsubscribe).toHaveBeenCalled();
  });

  it('answers the internal error when IPC itself fails', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bridge: PigeonnierBridge = {
      invoke: () => Promise.reject(new Error('An object could not be cloned.')),
      onEvent: () => () => undefined,
    };
    await expect(bridgeTransport(bridge).invoke('units:list', undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'internal', key: 'errors.internal', issues: [] },
    });
    consoleError.mockRestore();
  });
});
