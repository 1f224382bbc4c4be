import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../shared/errors';
import { parseInput } from '../../shared/validation';

const schema = z.strictObject({
  name: z.string(),
  guests: z.int({ error: 'errors.integer' }).min(1, { error: 'errors.guestsMin' }),
});

function issues(input: unknown) {
  try {
    parseInput(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).body.issues;
  }
  throw new Error('expected a refusal');
}

describe('parseInput', () => {
  it('returns the parsed value when the input is valid', () => {
    expect(parseInput(schema, { name: 'Camille', guests: 2 })).toEqual({ name: 'Camille', guests: 2 });
  });

  it('calls a missing field "required", even where the schema names its own key for a wrong value', () => {
    expect(issues({})).toEqual([
      { path: ['name'], key: 'errors.required' },
      { path: ['guests'], key: 'errors.required' },
    ]);
  });

  it('calls a value of the wrong type "invalidType", or the schema’s own key when it gives one', () => {
    expect(issues({ name: 42, guests: 'two' })).toEqual([
      { path: ['name'], key: 'errors.invalidType' },
      { path: ['guests'], key: 'errors.integer' },
    ]);
  });

  it('passes the limit of a too-small value and the names of unknown fields to the message', () => {
    expect(issues({ name: 'Camille', guests: 0, pets: 1, smoker: true })).toEqual([
      { path: ['guests'], key: 'errors.guestsMin', params: { limit: 1 } },
      { path: [], key: 'errors.unknownField', params: { keys: 'pets, smoker' } },
    ]);
  });
});
