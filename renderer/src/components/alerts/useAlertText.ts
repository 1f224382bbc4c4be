import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../shared/domain';
import { isNight } from '../../../../shared/nights';
import { useFormatters } from '../../format';

/**
 * An alert in words: its `alerts.<kind>` message with its values (nights as the page shows
 * them); a kind with no message yet (the loop may raise new kinds) falls back on its title.
 */
export function useAlertText(): (alert: Alert) => string {
  const { t } = useTranslation();
  const { night } = useFormatters();
  return useCallback(
    (alert) => {
      const params = Object.fromEntries(Object.entries(alert.params).map(([k, v]) => [k, typeof v === 'string' && isNight(v) ? night(v) : v]));
      return t([`alerts.${alert.kind}`, `app.alerts.kinds.${alert.kind}`] as unknown as 'app.alerts.kinds.overbooking', params);
    },
    [t, night],
  );
}
