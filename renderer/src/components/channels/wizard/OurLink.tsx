import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutgoingFeedLink } from '../../../../../shared/outgoingFeeds';

/** Pigeonnier's link for one room, to paste in the partner's extranet, with a copy button. */
export function OurLink({ link }: { link: OutgoingFeedLink }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      setCopied(false); // the link stays selectable by hand
    }
  }
  const title = t('channels.ourLink.title', { unit: link.unit });
  return (
    <div className="our-link" role="group" aria-label={title}>
      <span>{title}</span> <code>{link.url}</code>{' '}
      <button type="button" onClick={() => void copy()}>
        {copied ? t('channels.ourLink.copied') : t('channels.ourLink.copy')}
      </button>
    </div>
  );
}
