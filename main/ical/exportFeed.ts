/**
 * Nights → .ics text for one outgoing feed (DESIGN §4 export). Pure: the caller loads the
 * unit's schedule and passes the day, the feed's identity and the instant to stamp.
 *
 * Every event is all-day (DTSTART = first night, DTEND = the day after the last, VALUE=DATE),
 * so a partner reads the same nights whatever its time zone. ical-generator writes an all-day
 * value from the UTC date of what it is given, and shifts it when a time zone is set: we give it
 * 'YYYY-MM-DD' strings (which JavaScript reads as UTC midnight) and never set a time zone.
 *
 * The calendar name and the summary are in English whatever the owner's language: partners'
 * systems read them (several treat "Not available" as a block keyword), the owner never does,
 * and a feed must not change bytes because the owner switched the app to French. Nothing about
 * a guest is ever passed in, so nothing about a guest can come out.
 */
import ical, { escape } from 'ical-generator';
import { createHash } from 'node:crypto';
import { addDays, addMonths, type Night } from '../../shared/nights';
import type { UnitSchedule } from '../calendar/availability';
import { blockedRunsForChannel, type NightRun } from '../calendar/channelBlocks';
import { exportEventUid } from './ourUid';

export const NOT_AVAILABLE_SUMMARY = 'Not available';
export const DEFAULT_HORIZON_MONTHS = 24;
/** A hint only (REFRESH-INTERVAL, X-PUBLISHED-TTL): partners poll at their own pace; a short one errs on the safe side. */
export const DEFAULT_REFRESH_SECONDS = 15 * 60;
/** Written as PRODID:-//Pigeonnier//Pigeonnier//EN. */
const PRODUCT_ID = { company: 'Pigeonnier', product: 'Pigeonnier', language: 'EN' };
// Control characters and Unicode line/paragraph separators: partners' parsers treat the latter as line ends.
const CONTROL_CHARACTERS = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;
/** Part of the fingerprint: raise it when the rendering changes, so Last-Modified moves with the bytes. */
const FORMAT_VERSION = 1;

/** Everything a feed's bytes depend on, except the stamp. */
export interface ExportCalendar {
  feedId: number;
  calendarName: string;
  runs: NightRun[];
  refreshSeconds: number;
}

export interface ExportFeedInput {
  feedId: number;
  /** The channel connection the feed is for: its own stays are left out. */
  connectionId: number;
  calendarName: string;
  /** The unit, its overrides and its stock-holding files over the window (anything else is ignored). */
  schedule: UnitSchedule;
  /** Today in the property's time zone: the first night published. */
  today: Night;
  horizonMonths?: number;
  refreshSeconds?: number;
}

/** The nights a feed covers: today … the day before today + horizon. */
export function exportWindow(today: Night, horizonMonths = DEFAULT_HORIZON_MONTHS): NightRun {
  return { firstNight: today, lastNight: addDays(addMonths(today, horizonMonths), -1) };
}

export function exportCalendar(input: ExportFeedInput): ExportCalendar {
  const window = exportWindow(input.today, input.horizonMonths);
  return {
    feedId: input.feedId,
    calendarName: input.calendarName,
    runs: blockedRunsForChannel(input.schedule, input.connectionId, window.firstNight, window.lastNight),
    refreshSeconds: input.refreshSeconds ?? DEFAULT_REFRESH_SECONDS,
  };
}

/** Changes exactly when the published content does (not with the stamp): what decides Last-Modified. */
export function exportFingerprint(calendar: ExportCalendar): string {
  return createHash('sha256')
    .update(JSON.stringify([FORMAT_VERSION, calendar.feedId, calendar.calendarName, calendar.refreshSeconds, calendar.runs]))
    .digest('base64url');
}

/**
 * The .ics text: CRLF line ends (the last line too) and lines folded at 75 octets without
 * splitting a character, as RFC 5545 §3.1 asks. `stamp` becomes every event's DTSTAMP: the
 * caller passes when this content first appeared, so unchanged content keeps the same bytes.
 */
export function renderExportCalendar(calendar: ExportCalendar, stamp: Date): string {
  const feed = ical({
    prodId: PRODUCT_ID,
    // ical-generator writes NAME and X-WR-CALNAME unescaped: a ';', ',' or line break in a room
    // name would corrupt the calendar (or inject lines), so it is escaped here, once. Control
    // characters are not allowed in TEXT at all (RFC 5545 §3.3.11): each run becomes a space.
    name: escape(calendar.calendarName.replace(CONTROL_CHARACTERS, ' '), false),
    ttl: calendar.refreshSeconds,
  });
  for (const run of calendar.runs) {
    feed.createEvent({
      id: exportEventUid(calendar.feedId, run.firstNight),
      allDay: true,
      start: run.firstNight,
      end: addDays(run.lastNight, 1),
      stamp,
      summary: NOT_AVAILABLE_SUMMARY,
    });
  }
  return `${feed.toString()}\r\n`;
}

export function buildExportFeed(input: ExportFeedInput, stamp: Date): string {
  return renderExportCalendar(exportCalendar(input), stamp);
}
