import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../../../shared/errors';
import { useErrorText } from '../../common/useErrorText';

/**
 * A refusal beside the form that caused it: each issue in words (the service names what is
 * missing or wrong), else the refusal's own sentence. `label` prefixes an issue with what it
 * concerns (a room's name for the mapping).
 */
export function AlmaProblems({ refusal, label }: { refusal: ApiErrorBody | null; label?: (path: (string | number)[]) => string | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!refusal) return null;
  if (refusal.issues.length === 0) {
    return (
      <p className="refusal" role="alert">
        {errorText(refusal, refusal.code)}
      </p>
    );
  }
  return (
    <ul className="refusal" role="alert">
      {refusal.issues.map((issue, i) => {
        const about = label?.(issue.path);
        const text = errorText(issue, refusal.code);
        return <li key={i}>{about ? t('alma.about', { about, text }) : text}</li>;
      })}
    </ul>
  );
}
