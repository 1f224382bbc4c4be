import type { ApiErrorBody } from '../../../../shared/errors';
import { useErrorText } from './useErrorText';

/** A refusal next to the form or button that caused it, in words. */
export function Refusal({ refusal }: { refusal: ApiErrorBody | null }) {
  const errorText = useErrorText();
  if (!refusal) return null;
  return (
    <p className="refusal" role="alert">
      {errorText(refusal, refusal.code)}
    </p>
  );
}
