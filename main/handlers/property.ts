import { getProperty, saveProperty } from '../db/property';
import type { Handlers } from './types';

export const propertyHandlers: Handlers<'property:get' | 'property:save'> = {
  'property:get': (_input, ctx) => getProperty(ctx.db),
  'property:save': (input, ctx) => {
    const saved = saveProperty(ctx.db, input, ctx.now());
    ctx.emit('property:changed', {});
    return saved;
  },
};
