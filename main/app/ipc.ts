/**
 * IPC wiring: one channel for calls, one for pushed events. A call is answered only when it
 * comes from our own window's main frame; the service validates its input like any other.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Service } from '../service';

export const INVOKE_CHANNEL = 'pigeonnier:invoke';
export const EVENT_CHANNEL = 'pigeonnier:event';

export function wireIpc(service: Service, getWindow: () => BrowserWindow | null): () => void {
  const trusted = (event: IpcMainInvokeEvent) => {
    const window = getWindow();
    return window !== null && event.sender === window.webContents && event.senderFrame === window.webContents.mainFrame;
  };
  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown) => {
    if (!trusted(event)) return { ok: false, error: { code: 'unauthorized', key: 'errors.unauthorized', issues: [] } };
    // invoke refuses unknown names itself, with the same envelope as every transport.
    return service.invoke(String(name), input);
  });
  const unsubscribe = service.subscribe((message) => getWindow()?.webContents.send(EVENT_CHANNEL, message));
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
