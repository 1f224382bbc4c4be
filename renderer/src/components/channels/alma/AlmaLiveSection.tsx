import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One part of the live card the owner may need to correct (connection details, rooms): what is
 * set, in a few words, and "Edit" to open the wizard's own form there. Closed by default, so
 * the card reads as a summary and nothing is changed by a stray keystroke.
 */
export function AlmaLiveSection({ heading, summary, children }: { heading: string; summary: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  return (
    <section className="alma-live-section" aria-labelledby={headingId}>
      <header className="alma-live-section__head">
        <h5 id={headingId}>{heading}</h5>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('alma.active.close') : t('alma.active.edit')}
        </button>
      </header>
      {open ? children : summary}
    </section>
  );
}
