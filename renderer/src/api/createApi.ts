import { API_CALL_NAMES, type Api, type ApiCallName, type ApiTransport } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import { failure, isEnvelope } from './envelopes';

/**
 * The page's Api over any transport: one function per call of the contract. A refusal comes
 * back as a thrown ApiError so callers handle success and failure the usual async way, and can
 * still branch on `error.body.code` or translate `error.body.key`.
 */
export function createApi(transport: ApiTransport): Api {
  const calls: Partial<Record<ApiCallName, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of API_CALL_NAMES) {
    calls[name] = async (input?: unknown) => {
      const received = await transport.invoke(name, input);
      // A transport bug must still surface as a refusal the page knows how to show.
      const envelope = isEnvelope(received) ? received : failure('internal', 'errors.internal');
      if (envelope.ok) return envelope.value;
      throw new ApiError(envelope.error);
    };
  }
  // Every name of the contract is filled in above; the cast only forgets how the map was built.
  return calls as Api;
}
