import type { ApiTransport } from '../../../shared/api';
import type { PigeonnierBridge } from '../../../shared/bridge';
import { failure } from './envelopes';

/** The Electron transport: the preload's bridge already speaks envelopes and events. */
export function bridgeTransport(bridge: PigeonnierBridge): ApiTransport {
  return {
    async invoke(name, input) {
      try {
        return await bridge.invoke(name, input);
      } catch (error) {
        // IPC itself failed (the main process crashed or a value could not be cloned):
        // the page shows a refusal instead of an unhandled rejection.
        console.error(`Pigeonnier: the call ${name} did not reach the main process`, error);
        return failure('internal', 'errors.internal');
      }
    },
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
