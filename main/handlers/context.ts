/**
 * What every handler receives: the database, the clock, and a way to announce what changed.
 * Events are held until the handler's transaction has committed, so the page never hears of a
 * change that was rolled back.
 */
import type { ApiCallName, ApiEventMessage, ApiEventName, ApiEvents, ApiResult } from '../../shared/api';
import { DEFAULT_TIME_ZONE, type Property } from '../../shared/domain';
import { nightAt, type Night } from '../../shared/nights';
import type { Db } from '../db/connection';
import type { Scheduler } from '../sync/scheduler';
import { getProperty } from '../db/property';
import type { SecretStore } from '../secrets';

export interface Context {
  db: Db;
  now(): Date;
  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void;
  /** Partner passwords, encrypted (main/secrets.ts). */
  secrets: SecretStore;
  /** The sync loop, when this process runs one. */
  sync?: SyncControl;
  /** Where this process serves the outgoing feeds when that is not the settings' address (headless: its own port). */
  feedLinkBase?: () => string;
  /** Runs another call inside this one's transaction, its events held with this one's (the demo is made of calls). */
  call?<K extends ApiCallName>(name: K, input?: unknown): ApiResult<K>;
  /** Announces an event later, outside this call (a link check's result arrives after its fetch). */
  publish?: (message: ApiEventMessage) => void;
}

/** What the calls may ask of the loop. */
export type SyncControl = Pick<Scheduler, 'status' | 'syncNow' | 'pause' | 'resume'>;

export { propertyTimeZone } from '../db/property';
export { DEFAULT_TIME_ZONE };

/** Today in the property's time zone, never the machine's. */
export function today(ctx: Context, property: Property | null = getProperty(ctx.db)): Night {
  return nightAt(ctx.now(), property?.timeZone ?? DEFAULT_TIME_ZONE);
}
