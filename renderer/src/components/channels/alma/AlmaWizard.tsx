import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlmaConnectionView, AlmaStage } from '../../../../../shared/alma';
import { ActivateStep } from './ActivateStep';
import { ContractStep } from './ContractStep';
import { CredentialsStep } from './CredentialsStep';
import { MappingStep } from './MappingStep';

type Step = 'credentials' | 'contract' | 'mapping' | 'activate';
const STEPS: Step[] = ['credentials', 'contract', 'mapping', 'activate'];

/** Where the wizard opens: the first step still to do; none while the e-mail is awaited. */
function stepOf(stage: AlmaStage): Step | null {
  switch (stage) {
    case 'credentials':
    case 'contract':
    case 'mapping':
      return stage;
    case 'ready':
      return 'activate';
    default:
      return null;
  }
}

/**
 * The set-up in the page's order, once Alma Heritage's e-mail is there: its connection details,
 * the contract, each room's codes, then activation. Every step can be reopened; the wizard
 * starts at the first one still to do.
 */
export function AlmaWizard({ view }: { view: AlmaConnectionView }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Step | null>(null);
  const step = chosen ?? stepOf(view.stage);

  if (step === null) {
    return (
      <div className="button-row">
        <button type="button" className="primary" onClick={() => setChosen('credentials')}>
          {t('alma.pending.received')}
        </button>
      </div>
    );
  }
  const next = () => setChosen(STEPS[STEPS.indexOf(step) + 1] ?? step);
  return (
    <div className="wizard alma-wizard" role="region" aria-label={t('alma.wizard.label')}>
      <nav aria-label={t('alma.wizard.steps')}>
        <ol className="alma-wizard__steps">
          {STEPS.map((s) => (
            <li key={s}>
              <button type="button" aria-current={s === step ? 'step' : undefined} onClick={() => setChosen(s)}>
                {t(`alma.wizard.${s}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {step === 'credentials' && <CredentialsStep view={view} onDone={next} />}
      {step === 'contract' && <ContractStep view={view} onDone={next} />}
      {step === 'mapping' && <MappingStep view={view} onDone={next} />}
      {step === 'activate' && <ActivateStep view={view} />}
    </div>
  );
}
