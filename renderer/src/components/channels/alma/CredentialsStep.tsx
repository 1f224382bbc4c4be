import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlmaConnectionView } from '../../../../../shared/alma';
import type { ApiErrorBody } from '../../../../../shared/errors';
import { errorBody } from '../../../store/errors';
import { useSlice, useStores } from '../../../store/StoreContext';
import { useErrorText } from '../../common/useErrorText';
import { AlmaProblems } from './AlmaProblems';

type Check = { state: 'idle' } | { state: 'checking' } | { state: 'done'; text: string; ok: boolean };

/**
 * What Alma Heritage's e-mail gives: service address, property code, user name and password.
 * The password is sent once and never shown again (the main process keeps it in the OS
 * keychain); the page only says whether one is saved and how well it is protected. "Check the
 * connection" pings Alma Heritage with what is saved. The wizard moves on with `onDone`; the
 * live card shows the same form under its own heading (`titled` false), without "Next".
 */
export function CredentialsStep({ view, onDone, titled = true }: { view: AlmaConnectionView; onDone?: () => void; titled?: boolean }) {
  const { t } = useTranslation();
  const stores = useStores();
  const errorText = useErrorText();
  const busy = useSlice('alma', (state) => state.busy);
  const [serviceUrl, setServiceUrl] = useState(view.serviceUrl ?? '');
  const [propertyCode, setPropertyCode] = useState(view.propertyCode ?? '');
  const [userName, setUserName] = useState(view.userName ?? '');
  const [password, setPassword] = useState('');
  const [refusal, setRefusal] = useState<ApiErrorBody | null>(null);
  const [saved, setSaved] = useState(false);
  const [check, setCheck] = useState<Check>({ state: 'idle' });

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problem = await stores.alma.getState().saveCredentials({ serviceUrl, propertyCode, userName, ...(password ? { password } : {}) });
    setRefusal(problem);
    if (!problem) {
      setPassword('');
      setSaved(true);
    }
  }

  async function runCheck() {
    setCheck({ state: 'checking' });
    try {
      const result = await stores.alma.getState().checkCredentials();
      let text: string;
      if (!result.answered) text = t('alma.check.noAnswer');
      else if (result.ok) text = t('alma.credentials.checkOk');
      else text = t('alma.credentials.checkFailed', { reason: result.problem ? errorText(result.problem) : '' });
      setCheck({ state: 'done', ok: result.ok, text });
    } catch (error) {
      const body = errorBody(error);
      setCheck({ state: 'done', ok: false, text: body.issues.map((issue) => errorText(issue, body.code)).join(' ') || errorText(body, body.code) });
    }
  }

  const complete = Boolean(view.serviceUrl && view.propertyCode && view.userName && view.passwordSaved);
  return (
    <form
      className="alma-step"
      onSubmit={(event) => void save(event)}
      {...(titled ? { 'aria-labelledby': 'alma-credentials-heading' } : { 'aria-label': t('alma.wizard.credentials') })}
    >
      {titled && <h4 id="alma-credentials-heading">{t('alma.wizard.credentials')}</h4>}
      <p>{t('alma.credentials.intro')}</p>
      <label>
        {t('alma.credentials.serviceUrl')}
        <input type="url" required value={serviceUrl} onChange={(e) => setServiceUrl(e.target.value)} />
      </label>
      <label>
        {t('alma.credentials.propertyCode')}
        <input required value={propertyCode} onChange={(e) => setPropertyCode(e.target.value)} />
      </label>
      <label>
        {t('alma.credentials.userName')}
        <input required autoComplete="off" value={userName} onChange={(e) => setUserName(e.target.value)} />
      </label>
      <label>
        {t('alma.credentials.password')}
        <input type="password" autoComplete="new-password" required={!view.passwordSaved} value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <p className="list-note">
        {view.passwordSaved ? t('alma.credentials.passwordSaved') : t('alma.credentials.passwordMissing')}{' '}
        {view.passwordProtection === 'os' && t('alma.credentials.protectionOs')}
      </p>
      {view.passwordProtection === 'weak' && (
        <p className="notice" role="note">
          {t('alma.credentials.protectionWeak')}
        </p>
      )}
      <AlmaProblems refusal={refusal} />
      {saved && <p role="status">{t('alma.wizard.saved')}</p>}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('alma.credentials.save')}
        </button>
        <button type="button" disabled={!complete || check.state === 'checking'} onClick={() => void runCheck()}>
          {t('alma.credentials.check')}
        </button>
        {complete && onDone && (
          <button type="button" onClick={onDone}>
            {t('channels.wizard.next')}
          </button>
        )}
      </div>
      {check.state === 'checking' && <p role="status">{t('alma.credentials.checking')}</p>}
      {check.state === 'done' && (
        <p role="status" className={check.ok ? 'link-check__ok' : 'link-check__problem'}>
          {check.text}
        </p>
      )}
    </form>
  );
}
