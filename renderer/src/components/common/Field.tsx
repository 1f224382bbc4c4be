import { useId, type ReactNode } from 'react';
import type { ApiIssue } from '../../../../shared/errors';
import { useErrorText } from './useErrorText';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** A labelled control with its hint and, after a refusal, the service's message for it. */
export function Field({
  label,
  issue,
  hint,
  className,
  id: fixedId,
  children,
}: {
  /** A known id, for a control focused from elsewhere; a generated one otherwise. */
  id?: string;
  label: string;
  issue?: ApiIssue | undefined;
  hint?: string;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const generated = useId();
  const id = fixedId ?? generated;
  const errorText = useErrorText();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = issue ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${issue ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(issue), 'aria-describedby': describedBy })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {issue && (
        <p className="field__error" id={errorId}>
          {errorText(issue)}
        </p>
      )}
    </div>
  );
}
