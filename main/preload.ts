/**
 * The page's only door to the main process: `window.pigeonnier` (shared/bridge.ts), one
 * function per call of the contract and an event subscription. No ipcRenderer, no Node,
 * nothing else is exposed. The names come from shared/apiNames.ts, not shared/api.ts, so zod
 * and the schemas stay out of this sandboxed bundle; the main process validates every call.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEventListener, ApiEventMessage } from '../shared/api';
import { API_CALL_NAMES, API_EVENT_NAMES } from '../shared/apiNames';
import type { PigeonnierBridge, PigeonnierCalls } from '../shared/bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './app/ipcChannels';

const calls = Object.freeze(
  Object.fromEntries(API_CALL_NAMES.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input)])),
) as unknown as PigeonnierCalls;

const eventNames: ReadonlySet<string> = new Set(API_EVENT_NAMES);

function onEvent(listener: ApiEventListener): () => void {
  if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
  // Only the contract's events, and only their two fields: the page never sees the IPC event object.
  const forward = (_event: IpcRendererEvent, message: ApiEventMessage) => {
    if (message && eventNames.has(message.event)) listener({ event: message.event, payload: message.payload } as ApiEventMessage);
  };
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => void ipcRenderer.off(EVENT_CHANNEL, forward);
}

const bridge: PigeonnierBridge = { calls, onEvent };

contextBridge.exposeInMainWorld('pigeonnier', bridge);
