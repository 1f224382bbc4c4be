import { ApiError } from '../../shared/errors';
import { dismissAlert, listAlerts } from '../db/alerts';
import type { Handlers } from './types';

export const alertHandlers: Handlers<'alerts:list' | 'alerts:dismiss'> = {
  'alerts:list': (_input, ctx) => listAlerts(ctx.db),
  'alerts:dismiss': (input, ctx) => {
    const alert = dismissAlert(ctx.db, input.id, ctx.now());
    if (!alert) throw ApiError.notFound('errors.unknownAlert', { id: input.id });
    return alert;
  },
};
