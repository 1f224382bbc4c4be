/**
 * The page's only door to the main process: `window.pigeonnier` (shared/bridge.ts). No
 * ipcRenderer, no Node, nothing else is exposed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEventMessage } from '../shared/api';
import type { PigeonnierBridge } from '../shared/bridge';

const INVOKE_CHANNEL = 'pigeonnier:invoke';
const EVENT_CHANNEL = 'pigeonnier:event';

const bridge: PigeonnierBridge = {
  invoke: (name, input) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input),
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, message: ApiEventMessage) => listener(message);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => ipcRenderer.off(EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('pigeonnier', bridge);
