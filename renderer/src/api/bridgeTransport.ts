import type { ApiTransport } from '../../../shared/api';
import type { PigeonnierBridge } from '../../../shared/bridge';
import { failure } from './envelopes';

/** The Electron transport: the preload's bridge has one function per call and speaks envelopes. */
export function bridgeTransport(bridge: PigeonnierBridge): ApiTransport {
  return {
    async invoke(name, input) {
      // Object.hasOwn: a name like "toString" must not find something on the prototype.
      const call = Object.hasOwn(bridge.calls, name) ? bridge.calls[name] : undefined;
      // A page newer than its preload (a stale build) asks for a call the bridge lacks.
      if (typeof call !== 'function') return { ok: false, error: { code: 'unknown_call', key: 'errors.unknownCall', params: { name }, issues: [] } };
      try {
        return await call(input);
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
