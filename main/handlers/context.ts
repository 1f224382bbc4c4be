/**
 * What every handler receives: the database, the clock, and a way to announce what changed.
 * Events are held until the handler's transaction has committed, so the page never hears of a
 * change that was rolled back.
 */
import type { ApiEventName, ApiEvents } from '../../shared/api';
import type { Property } from '../../shared/domain';
import { nightAt, type Night } from '../../shared/nights';
import type { Db } from '../db/connection';
import { getProperty } from '../db/property';

export interface Context {
  db: Db;
  now(): Date;
  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void;
  /** Where this process serves the outgoing feeds when that is not the settings' address (headless: its own port). */
  feedLinkBase?: () => string;
}

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export function propertyTimeZone(db: Db): string {
  return getProperty(db)?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** Today in the property's time zone, never the machine's. */
export function today(ctx: Context, property: Property | null = getProperty(ctx.db)): Night {
  return nightAt(ctx.now(), property?.timeZone ?? DEFAULT_TIME_ZONE);
}
