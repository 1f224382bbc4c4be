/**
 * What a partner fetching an outgoing link is served: the unit's schedule loaded for the
 * window, the connection's own stays left out (exportCalendar), and the feed's Last-Modified,
 * which moves only when the content does and never goes backwards — even across a restart or a
 * clock set back — because it is kept in the feeds table.
 */
import { DEFAULT_TIME_ZONE, type Property } from '../../shared/domain';
import { nightAt, type Night } from '../../shared/nights';
import type { Db } from '../db/connection';
import { findServedFeedByToken, recordExportVersion } from '../db/feedExports';
import { getProperty } from '../db/property';
import { exportCalendar, exportFingerprint, exportWindow, renderExportCalendar } from '../ical/exportFeed';
import { loadSchedules, type ScheduleContext } from '../schedule/schedule';

export interface PublishedFeed {
  feedId: number;
  body: string;
  lastModified: Date;
  /** The content is that of this day in this zone: tomorrow the window moves. */
  today: Night;
  timeZone: string;
}

/** Partner-facing, so in English like the rest of the feed (see exportFeed.ts). */
export function calendarName(property: Property | null, unitName: string): string {
  return property ? `${property.name} – ${unitName}` : unitName;
}

/**
 * Whole seconds (what HTTP dates carry), and strictly later than the previous one: a client
 * asking If-Modified-Since with the date it was given must never get a 304 for newer content.
 */
export function nextLastModified(previous: Date | null, now: Date): Date {
  const candidate = Math.floor(now.getTime() / 1000) * 1000;
  if (previous === null || Number.isNaN(previous.getTime())) return new Date(candidate);
  return new Date(Math.max(candidate, previous.getTime() + 1000));
}

/**
 * The feed behind `token`, or null for an unknown token, a feed whose export is off or a
 * connection the owner removed. Writes only the feed's fingerprint and date, when they change.
 */
export function publishFeed(db: Db, token: string, now: Date): PublishedFeed | null {
  // One read transaction: a snapshot, even while another process (the command line) writes.
  const read = db.transaction(() => {
    const row = findServedFeedByToken(db, token);
    if (!row) return null;
    const property = getProperty(db);
    const timeZone = property?.timeZone ?? DEFAULT_TIME_ZONE;
    const today = nightAt(now, timeZone);
    const window = exportWindow(today);
    // Reading only: nothing here announces anything.
    const readOnly: ScheduleContext = { db, now: () => now, emit: () => undefined };
    const [schedule] = loadSchedules(readOnly, [row.unitId], window.firstNight, window.lastNight);
    const calendar = exportCalendar({
      feedId: row.feedId,
      connectionId: row.connectionId,
      calendarName: calendarName(property, row.unitName),
      schedule: schedule!,
      today,
    });
    return { row, calendar, today, timeZone };
  })();
  if (!read) return null;
  const { row, calendar, today, timeZone } = read;
  const fingerprint = exportFingerprint(calendar);
  let lastModified = row.exportLastModified === null ? null : new Date(row.exportLastModified);
  if (fingerprint !== row.exportHash || lastModified === null || Number.isNaN(lastModified.getTime())) {
    lastModified = nextLastModified(lastModified, now);
    recordExportVersion(db, row.feedId, fingerprint, lastModified.toISOString());
  }
  return { feedId: row.feedId, body: renderExportCalendar(calendar, lastModified), lastModified, today, timeZone };
}
