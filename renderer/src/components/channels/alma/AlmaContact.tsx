import { useTranslation } from 'react-i18next';
import { ALMA_TECHNICAL_PHONE } from '../../../../../shared/alma';

/**
 * Alma Heritage's technical contact (seed 000). The seed's e-mail address is hidden, so none is
 * made up: the phone number, and the owner is sent to the connection e-mail for the address.
 */
export function AlmaContact() {
  const { t } = useTranslation();
  return (
    <section className="alma-contact" aria-labelledby="alma-contact-heading">
      <h4 id="alma-contact-heading">{t('alma.contact.heading')}</h4>
      <p>{t('alma.contact.body', { phone: ALMA_TECHNICAL_PHONE })}</p>
    </section>
  );
}
