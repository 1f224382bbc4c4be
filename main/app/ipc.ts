/**
 * IPC wiring, after GitHub Desktop's `handle` wrapper: every handler is registered through
 * `handle`, which drops a message unless it comes from our window's main frame showing our
 * page. The call's name must be one of the contract's, and its input must pass the call's
 * schema, before the service sees anything (the service validates again: the HTTP bridge and
 * the command line reach it without this wrapper).
 */
import type { IpcMainInvokeEvent } from 'electron';
import { callSchemas, isApiCallName, type ApiEnvelope, type ApiEventMessage } from '../../shared/api';
import { ApiError } from '../../shared/errors';
import { parseInput } from '../../shared/validation';
import type { Service } from '../service';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipcChannels';
import type { Logger } from './security';

/** What the wrapper needs of ipcMain (tests pass Electron's, mocked). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Who may call: the frame that sent the message, and its web contents. */
export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;

const UNAUTHORIZED: ApiEnvelope<never> = { ok: false, error: { code: 'unauthorized', key: 'errors.unauthorized', issues: [] } };

/** The one way to register a handler: an untrusted sender gets a refusal and the handler never runs. */
export function handle(
  ipcMain: IpcMainLike,
  channel: string,
  isTrusted: SenderCheck,
  log: Logger,
  handler: (...args: unknown[]) => unknown,
): void {
  ipcMain.handle(channel, (event, ...args) => {
    if (!isTrusted(event)) {
      log.warn(`IPC ${channel}: dropped a message from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`);
      return UNAUTHORIZED;
    }
    return handler(...args);
  });
}

/** One call from the page: known name, valid input, then the service. */
export function dispatchCall(service: Pick<Service, 'invoke'>, name: unknown, input: unknown): ApiEnvelope<unknown> {
  if (!isApiCallName(name)) {
    return { ok: false, error: { code: 'unknown_call', key: 'errors.unknownCall', params: { name: String(name).slice(0, 100) }, issues: [] } };
  }
  try {
    parseInput(callSchemas[name], input);
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.body };
    throw error;
  }
  return service.invoke(name, input);
}

export interface IpcWiring {
  ipcMain: IpcMainLike;
  service: Pick<Service, 'invoke' | 'subscribe'>;
  isTrusted: SenderCheck;
  /** Delivers a pushed event to our window (if it is open). */
  send(channel: string, message: ApiEventMessage): void;
  log: Logger;
}

export function wireIpc({ ipcMain, service, isTrusted, send, log }: IpcWiring): () => void {
  handle(ipcMain, INVOKE_CHANNEL, isTrusted, log, (name, input) => dispatchCall(service, name, input));
  const unsubscribe = service.subscribe((message) => send(EVENT_CHANNEL, message));
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}

export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
}

/**
 * Trusted: sent by our window's web contents, from its main frame (not an iframe), while that
 * frame shows our page. Frames are compared by process and routing id, Electron's identity
 * for a frame.
 */
export function isOurMainFrame(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  contents: { readonly mainFrame: FrameLike } | null,
  isOurPage: (url: string) => boolean,
): boolean {
  if (!contents || event.sender !== contents) return false;
  const frame = event.senderFrame as FrameLike | null;
  const main = contents.mainFrame;
  if (!frame || frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isOurPage(frame.url);
}
