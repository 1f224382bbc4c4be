import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PigeonnierBridge } from '../../../shared/bridge';
import { pickTransport, TOKEN_STORAGE_KEY } from '../../../renderer/src/api/pickTransport';

describe('pickTransport', () => {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [] })));

  beforeEach(() => {
    sessionStorage.clear();
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    delete window.pigeonnier;
    vi.unstubAllGlobals();
    fetchMock.mockClear();
    window.history.replaceState(null, '', '/');
  });

  function authorizationSent(): string | null {
    const init = (fetchMock.mock.calls.at(-1) as unknown as Parameters<typeof fetch>)[1];
    return new Headers(init?.headers).get('Authorization');
  }

  it("uses the preload's bridge when Electron provides one", async () => {
    const unitsList = vi.fn(async () => ({ ok: true as const, value: [] }));
    const bridge = { calls: { 'units:list': unitsList }, onEvent: () => () => undefined } as unknown as PigeonnierBridge;
    window.pigeonnier = bridge;
    await pickTransport().invoke('units:list', undefined);
    expect(unitsList).toHaveBeenCalledWith(undefined);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('takes the token from the URL, keeps it for the tab and removes it from the address bar', async () => {
    window.history.replaceState(null, '', '/?lang=fr&token=abc123#planning');
    await pickTransport().invoke('units:list', undefined);

    expect(authorizationSent()).toBe('Bearer abc123');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(window.location.search).toBe('?lang=fr');
    expect(window.location.hash).toBe('#planning');
  });

  it('finds the token again after a reload, once it is gone from the URL', async () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'kept');
    await pickTransport().invoke('units:list', undefined);
    expect(authorizationSent()).toBe('Bearer kept');
  });
});
