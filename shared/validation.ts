/**
 * zod issues → ApiIssues: one i18n key per problem, with the numbers a message needs. Schemas
 * give their own key as the message where a generic one would be vague ("errors.guestsMin");
 * everything else falls back on a key per zod issue code.
 */
import type { z } from 'zod';
import { ApiError, type ApiIssue } from './errors';

function keyFor(issue: z.core.$ZodIssue): string {
  // A missing field is "required", whatever key its schema gives a wrong value.
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'errors.required';
  if (issue.message.startsWith('errors.')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return 'errors.invalidType';
    case 'too_small':
      return 'errors.tooSmall';
    case 'too_big':
      return 'errors.tooBig';
    case 'invalid_value':
      return 'errors.choice';
    case 'unrecognized_keys':
      return 'errors.unknownField';
    case 'invalid_format':
      return 'errors.format';
    default:
      return 'errors.invalidValue';
  }
}

function paramsFor(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  const params: Record<string, string | number> = {};
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    params.limit = Number(limit);
  }
  if (issue.code === 'unrecognized_keys') params.keys = issue.keys.join(', ');
  if (issue.code === 'custom' && issue.params) {
    for (const [name, value] of Object.entries(issue.params)) {
      if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    }
  }
  return Object.keys(params).length ? params : undefined;
}

export function issuesFromZod(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => {
    const params = paramsFor(issue);
    return { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), key: keyFor(issue), ...(params ? { params } : {}) };
  });
}

/** Parses `input` or throws an ApiError listing every problem, so nothing half-valid goes further. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // zod 4 leaves `input` out of its issues unless asked; keyFor needs it to tell "missing" from "wrong type".
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw ApiError.invalid(issuesFromZod(result.error));
  return result.data;
}
