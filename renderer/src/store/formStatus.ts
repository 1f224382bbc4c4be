import type { ApiErrorBody, ApiIssue } from '../../../shared/errors';
import { errorBody, issuesByField } from './errors';

/** Where one form stands: saving, the field issues and refusal of its last submit, when it last saved. */
export interface FormStatus {
  saving: boolean;
  issues: Record<string, ApiIssue>;
  refusal: ApiErrorBody | null;
  savedAt: number | null;
}

export const IDLE_FORM: FormStatus = { saving: false, issues: {}, refusal: null, savedAt: null };

/**
 * Runs one form's call and records its outcome under `name`: the value on success, null on a
 * refusal (whose issues, by field, the form shows next to each field).
 */
export async function submitForm<T>(
  update: (name: string, status: FormStatus) => void,
  name: string,
  call: () => Promise<T>,
  skip: string[] = ['changes'],
): Promise<T | null> {
  update(name, { ...IDLE_FORM, saving: true });
  try {
    const value = await call();
    update(name, { ...IDLE_FORM, savedAt: Date.now() });
    return value;
  } catch (error) {
    const refusal = errorBody(error);
    update(name, { saving: false, issues: issuesByField(refusal.issues, skip), refusal, savedAt: null });
    return null;
  }
}
