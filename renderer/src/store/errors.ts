import { ApiError, type ApiErrorBody, type ApiIssue } from '../../../shared/errors';

/** A refusal as the service worded it; anything else is a bug in the page, logged for whoever debugs it. */
export function errorBody(error: unknown): ApiErrorBody {
  if (error instanceof ApiError) return error.body;
  console.error('Pigeonnier: unexpected error', error);
  return { code: 'internal', key: 'errors.internal', issues: [] };
}

/** True when the service does not know the call at all (an older or partial service). */
export function isUnknownCall(error: unknown): boolean {
  return error instanceof ApiError && error.body.code === 'unknown_call';
}

/** Issues by the field they concern; `skip` drops a leading path segment such as 'changes'. */
export function issuesByField(issues: ApiIssue[], skip: string[] = []): Record<string, ApiIssue> {
  const byField: Record<string, ApiIssue> = {};
  for (const issue of issues) {
    const path = skip.includes(String(issue.path[0])) ? issue.path.slice(1) : issue.path;
    const field = path.length > 0 ? String(path[0]) : '';
    byField[field] ??= issue;
  }
  return byField;
}
