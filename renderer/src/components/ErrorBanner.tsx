import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../shared/errors';
import { useAppStore, useAppStoreApi } from '../store/StoreContext';

export function ErrorBanner() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const error = useAppStore((state) => state.error);
  if (!error) return null;

  // Keys come from the service at run time, so they cannot be checked against the messages
  // when compiling; an unknown one (a newer service) falls back on a generic sentence.
  const translate = (key: string, params?: ApiErrorBody['params']) =>
    t([key, 'app.error.unexplained'] as unknown as 'app.error.unexplained', { code: error.code, ...params });

  return (
    <div className="error-banner" role="alert">
      <p>{translate(error.key, error.params)}</p>
      {error.issues.length > 0 && (
        <ul>
          {error.issues.map((issue, index) => (
            <li key={index}>{translate(issue.key, issue.params)}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => store.getState().dismissError()}>
        {t('app.error.dismiss')}
      </button>
    </div>
  );
}
