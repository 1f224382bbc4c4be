import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkCheckResult } from '../../../../../shared/channelPresets';
import { useFormatters } from '../../../format';
import { errorBody } from '../../../store/errors';
import { useStores } from '../../../store/StoreContext';
import { useErrorText } from '../../common/useErrorText';

const isHttp = (text: string) => /^https?:\/\/\S+$/i.test(text.trim());

/** Says what a pasted link holds, in plain words, or why it cannot be used. */
export function useLinkCheckText(): (result: LinkCheckResult) => string {
  const { t } = useTranslation();
  const { night } = useFormatters();
  const errorText = useErrorText();
  return (result) => {
    if (!result.ok) return result.html ? t('channels.check.html') : t('channels.check.failed', { reason: errorText(result.problem) });
    const bookings = t('channels.check.bookings', {
      count: result.bookings,
      first: result.first ? night(result.first) : '',
      last: result.last ? night(result.last) : '',
    });
    return t('channels.check.ok', { bookings, blocks: t('channels.check.blocks', { count: result.blocks }) });
  };
}

/** The "Check the link" button and its answer. */
export function LinkCheck({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation();
  const stores = useStores();
  const describe = useLinkCheckText();
  const errorText = useErrorText();
  const [state, setState] = useState<{ busy: boolean; text: string | null; ok: boolean }>({ busy: false, text: null, ok: false });

  async function check() {
    if (!isHttp(url)) {
      setState({ busy: false, text: t('channels.rules.notHttp'), ok: false });
      return;
    }
    setState({ busy: true, text: t('channels.check.checking'), ok: false });
    try {
      const result = await stores.connections.getState().checkLink(url.trim());
      setState({ busy: false, text: describe(result), ok: result.ok });
    } catch (error) {
      const body = errorBody(error);
      setState({ busy: false, text: errorText(body.issues[0] ?? body, body.code), ok: false });
    }
  }

  return (
    <div className="link-check">
      <button type="button" disabled={state.busy || url.trim() === ''} onClick={() => void check()} aria-label={`${t('channels.wizard.check')} — ${label}`}>
        {t('channels.wizard.check')}
      </button>
      {state.text && (
        <p role="status" className={state.ok ? 'link-check__ok' : 'link-check__problem'}>
          {state.text}
        </p>
      )}
    </div>
  );
}
