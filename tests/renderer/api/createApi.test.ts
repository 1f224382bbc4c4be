import { describe, expect, it, vi } from 'vitest';
import { API_CALL_NAMES, type ApiEnvelope, type ApiTransport } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import { createApi } from '../../../renderer/src/api/createApi';
import { unit } from '../fakes';

function transportAnswering(envelope: unknown) {
  return {
    invoke: vi.fn(async () => envelope as ApiEnvelope<unknown>),
    subscribe: vi.fn(() => () => undefined),
  } satisfies ApiTransport;
}

describe('createApi', () => {
  it('has one function for every call of the contract', () => {
    const api = createApi(transportAnswering({ ok: true, value: null }));
    for (const name of API_CALL_NAMES) expect(typeof api[name]).toBe('function');
  });

  it('passes the call name and input through and returns the value of an ok envelope', async () => {
    const created = unit({ id: 7, name: 'Chambre Glycine' });
    const transport = transportAnswering({ ok: true, value: created });
    const api = createApi(transport);
    const input = { name: 'Chambre Glycine', capacity: 2, baseRateCents: 9000 };

    await expect(api['units:create'](input)).resolves.toEqual(created);
    expect(transport.invoke).toHaveBeenCalledWith('units:create', input);
  });

  it('sends no input for calls that take none', async () => {
    const transport = transportAnswering({ ok: true, value: [] });
    await createApi(transport)['units:list']();
    expect(transport.invoke).toHaveBeenCalledWith('units:list', undefined);
  });

  it('throws a refusal as an ApiError carrying its body', async () => {
    const body = { code: 'conflict', key: 'errors.guestsOverCapacity', params: { capacity: 4 }, issues: [] };
    const api = createApi(transportAnswering({ ok: false, error: body }));
    const error = await api['reservations:get']({ id: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toEqual(body);
  });

  it('throws the internal error when the transport answers something that is not an envelope', async () => {
    const api = createApi(transportAnswering({ status: 'fine' }));
    const error = await api['alerts:list']().catch((e: unknown) => e);
    expect((error as ApiError).body).toEqual({ code: 'internal', key: 'errors.internal', issues: [] });
  });
});
