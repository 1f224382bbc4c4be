import { describe, expect, it } from 'vitest';
import { API_CALL_NAMES, API_EVENT_NAMES, callSchemas, isApiCallName } from '../../shared/api';
import * as names from '../../shared/apiNames';

describe('the contract’s names (shared/apiNames.ts, for the preload)', () => {
  it('list exactly the calls that have a schema, once each', () => {
    expect([...names.API_CALL_NAMES].sort()).toEqual(Object.keys(callSchemas).sort());
    expect(new Set(names.API_CALL_NAMES).size).toBe(names.API_CALL_NAMES.length);
    for (const name of names.API_CALL_NAMES) expect(isApiCallName(name)).toBe(true);
  });

  it('are what shared/api.ts exports', () => {
    expect(API_CALL_NAMES).toBe(names.API_CALL_NAMES);
    expect(API_EVENT_NAMES).toBe(names.API_EVENT_NAMES);
    expect(new Set(API_EVENT_NAMES).size).toBe(API_EVENT_NAMES.length);
    expect(API_EVENT_NAMES).toContain('app:navigate');
  });
});
