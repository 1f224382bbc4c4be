import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { RESERVATION_STATUSES, type ReservationStatus } from '../../../../shared/domain';
import type { ApiErrorBody, ApiIssue } from '../../../../shared/errors';
import { isNight } from '../../../../shared/nights';
import { useFormatters } from '../../format';

type Message = Pick<ApiIssue, 'key' | 'params'>;

const isStatus = (value: unknown): value is ReservationStatus => RESERVATION_STATUSES.includes(value as ReservationStatus);

/**
 * Words a refusal or an issue in the page's language. Keys come from the service at run time,
 * so they cannot be checked when compiling; an unknown one (a newer service) falls back on a
 * generic sentence with the refusal's code. Nights and statuses in the values are shown the
 * way the page shows them everywhere else.
 */
export function useErrorText(): (message: Message, code?: ApiErrorBody['code']) => string {
  const { t } = useTranslation();
  const { night } = useFormatters();
  const statusName = useCallback((status: ReservationStatus): string => t(`statuses.${status}`), [t]);
  return useCallback(
    (message, code = 'invalid_input') => {
      const params: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(message.params ?? {})) {
        if (typeof value === 'string' && isNight(value)) params[name] = night(value);
        else if (name === 'status' && isStatus(value)) params[name] = statusName(value).toLowerCase();
        else params[name] = value;
      }
      return t([message.key, 'app.error.unexplained'] as unknown as 'app.error.unexplained', { code, ...params });
    },
    [t, night, statusName],
  );
}
