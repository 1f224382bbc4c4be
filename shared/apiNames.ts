/**
 * The names of the contract's calls and pushed events, and nothing else: the sandboxed preload
 * builds one function per call from this list without pulling zod and the schemas into its
 * bundle. shared/api.ts types its schemas and events against these lists, so the compiler
 * refuses a name that is in one place and not the other.
 */
export const API_CALL_NAMES = [
  'property:get',
  'property:save',
  'units:list',
  'units:create',
  'units:update',
  'overrides:list',
  'overrides:set',
  'availability:get',
  'availability:overbookings',
  'reservations:list',
  'reservations:get',
  'reservations:history',
  'reservations:check',
  'reservations:create',
  'reservations:update',
  'reservations:cancel',
  'reservations:confirm',
  'reservations:refuse',
  'reservations:resolveFlag',
  'reservations:exportCsv',
  'units:reorder',
  'demo:load',
  'alerts:list',
  'alerts:dismiss',
  'feeds:list',
  'feeds:regenerateToken',
  'settings:getFeedServer',
  'settings:saveFeedServer',
  'sync:status',
  'sync:now',
  'sync:pause',
  'sync:resume',
  'settings:getSync',
  'settings:saveSync',
  'channels:presets',
  'connections:list',
  'connections:create',
  'connections:update',
  'connections:remove',
  'connections:checkLink',
] as const;

export const API_EVENT_NAMES = [
  'property:changed',
  'units:changed',
  'reservations:changed',
  'availability:changed',
  'alerts:new',
  'feeds:changed',
  'sync:status',
  'sync:progress',
  'app:navigate',
  'connections:changed',
  'connections:linkChecked',
] as const;

export type ApiCallNameListed = (typeof API_CALL_NAMES)[number];
export type ApiEventNameListed = (typeof API_EVENT_NAMES)[number];
