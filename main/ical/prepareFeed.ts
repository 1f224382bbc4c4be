/**
 * The decoded lines, checked and made unambiguous before node-ical reads them:
 * - the structure must balance (BEGIN/END): a cut-off download is refused, never half-read;
 * - garbage lines, and lines node-ical would drop from an event's dates, are counted for a
 *   warning (node-ical skips them silently) that marks the read as damaged (readFeed);
 * - an event with no UID gets a stable one made from its dates, so the next read recognises it;
 * - duplicate UIDs keep one version: highest SEQUENCE, then latest DTSTAMP (node-ical merges
 *   the versions' fields instead, keeping an old DTEND under a new DTSTART);
 * - date-times are rewritten so node-ical has nothing to guess (see rewriteDates.ts).
 * Lines are changed in place; when none needed changing, node-ical gets the decoded text as is.
 */
import { problem, warning, type FeedProblem, type FeedWarning } from './feedProblem';
import { nodeIcalReads } from './parseFeed';
import { needsRewrite, rewriteEventDates, type EventDateLines } from './rewriteDates';
import { ZoneResolver } from './timeZones';
import { readVTimezone, type VTimezoneRules } from './vtimezone';

export interface PreparedFeed {
  /** The text handed to node-ical. */
  text: string;
  /** VEVENTs kept (after duplicates are dropped). */
  eventCount: number;
  warnings: FeedWarning[];
}

interface EventBlock extends EventDateLines {
  begin: number;
  end: number;
  uid: string | null;
  uidLine: number;
  recurrenceId: string;
  sequence: number;
  dtstamp: string;
  summary: string;
}

const MAX_SAMPLES = 3;

/** The properties an event's nights and identity are read from. */
const NIGHTS_PROPERTIES = new Set(['UID', 'RECURRENCE-ID', 'DTSTART', 'DTEND', 'DURATION', 'RRULE']);

/** The property name of a content line, upper-cased; '' when the line is not `NAME[;params]:value`. */
function propertyName(line: string): string {
  let end = 0;
  let upper = true;
  for (; end < line.length; end++) {
    const c = line.charCodeAt(end);
    if (c === 0x3a || c === 0x3b) break; // ':' or ';'
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (!letter && !(end > 0 && ((c >= 0x30 && c <= 0x39) || c === 0x2d))) return '';
    if (c >= 0x61) upper = false;
  }
  if (end === 0 || end === line.length) return '';
  const name = line.slice(0, end);
  return upper ? name : name.toUpperCase();
}

function valueOf(line: string): string {
  // The value starts after the first colon that is not inside a quoted parameter.
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x3a && !quoted) return line.slice(i + 1);
  }
  return '';
}

function newBlock(begin: number): EventBlock {
  return { begin, end: begin, uid: null, uidLine: -1, recurrenceId: '', sequence: 0, dtstamp: '', summary: '', dtstart: -1, dtend: -1, duration: null, others: [] };
}

/** Keeps one version per (UID, RECURRENCE-ID); returns the blocks to drop. */
function duplicatesToDrop(events: EventBlock[], warnings: FeedWarning[]): Set<EventBlock> {
  const best = new Map<string, EventBlock>();
  const drop = new Set<EventBlock>();
  for (const event of events) {
    const key = event.recurrenceId ? `${event.uid}\u0000${event.recurrenceId}` : event.uid!;
    const kept = best.get(key);
    if (!kept) {
      best.set(key, event);
      continue;
    }
    // Later in the file wins a tie: partners append the newer version.
    const newer = event.sequence > kept.sequence || (event.sequence === kept.sequence && event.dtstamp >= kept.dtstamp);
    drop.add(newer ? kept : event);
    if (newer) best.set(key, event);
    warnings.push(warning('duplicateUid', { uid: event.uid ?? '', sequence: (newer ? event : kept).sequence }));
  }
  return drop;
}

export function prepareFeed(text: string, lines: string[], timeZone: string): PreparedFeed | { problem: FeedProblem } {
  const warnings: FeedWarning[] = [];
  const stack: string[] = [];
  const events: EventBlock[] = [];
  const zoneBlocks: [number, number][] = [];
  const garbage: string[] = [];
  let garbageCount = 0;
  let event: EventBlock | null = null;
  let zoneStart = -1;
  let modified = false;
  const drop = (index: number) => {
    lines[index] = '';
    modified = true;
  };

  for (let at = 0; at < lines.length; at++) {
    let line = lines[at]!;
    if (line.length === 0) continue;
    if (line.charCodeAt(0) === 0x20 || line.charCodeAt(line.length - 1) === 0x20) {
      line = line.trim();
      lines[at] = line;
      modified = true;
      if (line.length === 0) continue;
    }
    const name = propertyName(line);
    if (name === '' || (stack.length === 0 && name !== 'BEGIN')) {
      // Left in place: node-ical skips what is not a content line; only the owner is told.
      garbageCount++;
      if (garbage.length < MAX_SAMPLES) garbage.push(line.slice(0, 60));
      continue;
    }
    if (!line.startsWith(name)) {
      // Names are case-insensitive (RFC 5545 §3.1), but node-ical knows only upper-case ones:
      // it would drop a "dtend" and lose the nights, or a whole "begin:vevent".
      line = name + line.slice(name.length);
      lines[at] = line;
      modified = true;
    }
    let component = '';
    if (name === 'BEGIN' || name === 'END') {
      const value = valueOf(line);
      component = value.trim().toUpperCase();
      // The usual "BEGIN:VEVENT" is left as it is without building its canonical form to compare.
      if (line.charCodeAt(name.length) !== 0x3a || value !== component) {
        lines[at] = `${name}:${component}`;
        modified = true;
      }
    }
    if (name === 'BEGIN') {
      stack.push(component);
      if (component === 'VEVENT' && stack.length === 2) event = newBlock(at);
      else if (component === 'VTIMEZONE') zoneStart = at;
      continue;
    }
    if (name === 'END') {
      const open = stack.pop();
      if (open !== component) return { problem: problem('unbalanced', { component: open ?? component }) };
      if (component === 'VEVENT' && event) {
        event.end = at;
        events.push(event);
        event = null;
      } else if (component === 'VTIMEZONE' && zoneStart >= 0) {
        zoneBlocks.push([zoneStart, at + 1]);
        zoneStart = -1;
      }
      continue;
    }
    if (event === null || stack.length !== 2) continue;
    if (NIGHTS_PROPERTIES.has(name) && !nodeIcalReads(line)) {
      // node-ical would drop it silently, and the event lose its end or its rule: said, and
      // counted as damage (readFeed), so the read frees no night.
      garbageCount++;
      if (garbage.length < MAX_SAMPLES) garbage.push(line.slice(0, 60));
    }
    switch (name) {
      case 'UID':
        // node-ical makes an array of a second UID, which no stay can be keyed by: keep the first.
        if (event.uidLine >= 0) drop(at);
        else {
          event.uid = valueOf(line).trim();
          event.uidLine = at;
        }
        break;
      case 'RECURRENCE-ID':
        event.recurrenceId = valueOf(line).trim();
        event.others.push(at);
        break;
      case 'SEQUENCE':
        event.sequence = Number.parseInt(valueOf(line), 10) || 0;
        break;
      case 'DTSTAMP':
        event.dtstamp = valueOf(line).trim();
        break;
      case 'SUMMARY':
        event.summary = valueOf(line).trim();
        break;
      case 'DTSTART':
        // node-ical throws on a second DTSTART or DTEND, losing the whole calendar: keep the first.
        if (event.dtstart >= 0) drop(at);
        else event.dtstart = at;
        break;
      case 'DTEND':
        if (event.dtend >= 0) drop(at);
        else event.dtend = at;
        break;
      case 'DURATION':
        event.duration = valueOf(line).trim();
        break;
      case 'RDATE':
        // node-ical does not expand extra dates; real booking feeds never send them. Said, not hidden.
        if (!warnings.some((w) => w.key === 'feeds.warning.rdateIgnored')) warnings.push(warning('rdateIgnored', { uid: event.uid ?? event.summary }));
        event.others.push(at);
        break;
      case 'EXDATE':
        event.others.push(at);
        break;
    }
  }
  if (stack.length > 0) return { problem: problem('unbalanced', { component: stack[stack.length - 1]! }) };
  if (garbageCount > 0) warnings.push(warning('garbageLines', { count: garbageCount, sample: garbage.join(' | ') }));

  const customZones = new Map<string, VTimezoneRules>();
  for (const [from, to] of zoneBlocks) {
    const rules = readVTimezone(lines.slice(from, to));
    if (rules) customZones.set(rules.tzid, rules);
  }
  const zones = new ZoneResolver(customZones);

  const valid: EventBlock[] = [];
  for (const e of events) {
    if (e.dtstart < 0) {
      warnings.push(warning('noStart', { uid: e.uid ?? e.summary }));
      for (let i = e.begin; i <= e.end; i++) drop(i);
      continue;
    }
    if (e.uid === null || e.uid === '') {
      // Stable across reads as long as the dates do not change; a changed stay is then matched by its nights.
      e.uid = `no-uid-${valueOf(lines[e.dtstart]!).trim()}-${e.dtend >= 0 ? valueOf(lines[e.dtend]!).trim() : (e.duration ?? '')}`;
      // An empty "UID:" line would be a second UID beside the one made here.
      if (e.uidLine >= 0) drop(e.uidLine);
      lines[e.begin] = `BEGIN:VEVENT\r\nUID:${e.uid}`;
      modified = true;
      warnings.push(warning('noUid', { summary: e.summary, uid: e.uid }));
    }
    valid.push(e);
  }
  const dropped = duplicatesToDrop(valid, warnings);
  let eventCount = 0;
  for (const e of valid) {
    if (dropped.has(e)) {
      for (let i = e.begin; i <= e.end; i++) drop(i);
      continue;
    }
    eventCount++;
    if (needsRewrite(lines, e)) {
      rewriteEventDates(lines, e, zones, timeZone, warnings);
      modified = true;
    }
  }
  return { text: modified ? lines.filter((l) => l !== '').join('\r\n') + '\r\n' : text, eventCount, warnings };
}
