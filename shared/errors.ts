/**
 * Refusals travel as data, not as thrown text: a code the caller can branch on, an i18n key the
 * page (or the command line) translates, and the field-level issues of a refused input.
 */
export type ApiErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unknown_call'
  | 'unauthorized'
  | 'internal';

export interface ApiIssue {
  /** Where in the input, e.g. ['guests'] or ['changes', 'rateCents']. */
  path: (string | number)[];
  /** An i18n key under `errors.`, e.g. 'errors.guestsOverCapacity'. */
  key: string;
  params?: Record<string, string | number>;
}

export interface ApiErrorBody {
  code: ApiErrorCode;
  key: string;
  params?: Record<string, string | number>;
  issues: ApiIssue[];
}

export class ApiError extends Error {
  readonly body: ApiErrorBody;

  constructor(body: ApiErrorBody) {
    super(`${body.code}: ${body.key}${body.issues.length ? ` (${body.issues.map((i) => `${i.path.join('.')}: ${i.key}`).join('; ')})` : ''}`);
    this.name = 'ApiError';
    this.body = body;
  }

  static invalid(issues: ApiIssue[]): ApiError {
    return new ApiError({ code: 'invalid_input', key: 'errors.invalidInput', issues });
  }

  static notFound(key: string, params?: Record<string, string | number>): ApiError {
    return new ApiError({ code: 'not_found', key, params, issues: [] });
  }

  static conflict(key: string, params?: Record<string, string | number>, issues: ApiIssue[] = []): ApiError {
    return new ApiError({ code: 'conflict', key, params, issues });
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorBody).code === 'string' &&
    typeof (value as ApiErrorBody).key === 'string' &&
    Array.isArray((value as ApiErrorBody).issues)
  );
}
