import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../main/app/ipcChannels';
import { API_CALL_NAMES, type ApiEventMessage } from '../../../shared/api';
import type { PigeonnierBridge } from '../../../shared/bridge';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let bridge: PigeonnierBridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../../main/preload');
  bridge = contextBridge.exposed.pigeonnier as PigeonnierBridge;
});

describe('the preload', () => {
  it('exposes window.pigeonnier only: one function per call of the contract and onEvent, nothing else', () => {
    expect(Object.keys(contextBridge.exposed)).toEqual(['pigeonnier']);
    expect(Object.keys(bridge).sort()).toEqual(['calls', 'onEvent']);
    expect(Object.keys(bridge.calls).sort()).toEqual([...API_CALL_NAMES].sort());
    for (const call of Object.values(bridge.calls)) expect(typeof call).toBe('function');
    expect(Object.isFrozen(bridge.calls)).toBe(true);
  });

  it('sends each call on the invoke channel with its own name and the input as given', async () => {
    await bridge.calls['reservations:get']({ id: 12 });
    await bridge.calls['units:list']();
    expect(ipcRenderer.invocations).toEqual([
      [INVOKE_CHANNEL, 'reservations:get', { id: 12 }],
      [INVOKE_CHANNEL, 'units:list', undefined],
    ]);
  });

  it('passes the contract’s events to the page, without the IPC event, and only those', () => {
    const received: ApiEventMessage[] = [];
    const stop = bridge.onEvent((message) => received.push(message));
    const ipcEvent = { sender: 'the ipcRenderer itself', ports: [] };
    ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, { event: 'app:navigate', payload: { target: 'reservation', id: 3 }, extra: 'dropped' });
    ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, { event: 'debug:eval', payload: 'x' });
    ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, null);
    stop();
    ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, { event: 'units:changed', payload: {} });
    expect(received).toEqual([{ event: 'app:navigate', payload: { target: 'reservation', id: 3 } }]);
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
    expect(() => bridge.onEvent('not a function' as never)).toThrow(TypeError);
  });

  it('is bundled without zod or any module but electron (a sandboxed preload can require nothing else)', () => {
    const bundle = fs.readFileSync(path.resolve(__dirname, '../../../out/preload/index.js'), 'utf8');
    const required = [...bundle.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(bundle).not.toMatch(/safeParse|ZodError|require\("zod"\)/);
    expect(bundle).toContain('"reservations:exportCsv"');
  });
});
