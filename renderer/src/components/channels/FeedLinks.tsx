import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutgoingFeedLink } from '../../../../shared/outgoingFeeds';

/** The links this connection's partner must import, one per room, each with a copy button. */
export function FeedLinks({ links }: { links: OutgoingFeedLink[] }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<number | null>(null);
  if (links.length === 0) return null;

  async function copy(link: OutgoingFeedLink) {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(link.feedId);
    } catch {
      setCopied(null); // the owner can still select the link by hand
    }
  }

  return (
    <details className="feed-links">
      <summary>{t('app.channels.links.heading', { count: links.length })}</summary>
      <ul>
        {links.map((link) => (
          <li key={link.feedId}>
            <span className="feed-links__unit">{link.unit}</span>
            <code className="feed-links__url">{link.url}</code>
            <button type="button" onClick={() => void copy(link)} aria-label={t('app.channels.links.copyFor', { unit: link.unit })}>
              {copied === link.feedId ? t('app.channels.links.copied') : t('app.channels.links.copy')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
