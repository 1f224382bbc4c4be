/**
 * node-ical does the parsing of the prepared text: components, properties, text escapes,
 * RRULE objects, EXDATE sets and RECURRENCE-ID overrides. Everything it returns that is not a
 * VEVENT is dropped here; a throw (it throws on some malformed input) becomes a refusal.
 */
import ical, { type VEvent } from 'node-ical';
import { problem, type FeedProblem } from './feedProblem';

export function parseEvents(text: string): VEvent[] | { problem: FeedProblem } {
  let parsed: ReturnType<typeof ical.sync.parseICS>;
  try {
    parsed = ical.sync.parseICS(text);
  } catch (error) {
    return { problem: problem('unreadable', { detail: error instanceof Error ? error.message.slice(0, 200) : String(error) }) };
  }
  const events: VEvent[] = [];
  for (const key in parsed) {
    const component = parsed[key];
    if (component && component.type === 'VEVENT') events.push(component as VEvent);
  }
  return events;
}

/**
 * The content-line grammar of node-ical 0.26 (parseLines): a line it does not match is dropped
 * without a word — a stray byte in a parameter ("VA\u0192UE=DATE") would take an event's end
 * away. It first removes the quotes of a line holding TZID= (unless it holds '"(').
 */
const NODE_ICAL_LINE = /^(?:-|[0-9A-Za-z_])+(?:;(?:-|[0-9A-Za-z_])+=(?:"[^"]*"|[^":;]+))*:.*$/u;

/**
 * The common line, checked by char codes: `NAME[;PARAM=value…]:value` with no quote before the
 * first colon and no line separator after it. Such a line always matches NODE_ICAL_LINE (and the
 * TZID quote removal leaves it as it is), so the regex is only run on the others.
 */
function plainlyRead(line: string): boolean {
  const n = line.length;
  let i = 0;
  for (;;) {
    // A name (the property's, then each parameter's): [-0-9A-Za-z_]+.
    const start = i;
    for (; i < n; i++) {
      const c = line.charCodeAt(i);
      if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f)) break;
    }
    if (i === start || i === n) return false;
    if (start > 0) {
      // A parameter: '=' then an unquoted value [^":;]+.
      if (line.charCodeAt(i) !== 0x3d) return false;
      const valueStart = ++i;
      for (; i < n; i++) {
        const c = line.charCodeAt(i);
        if (c === 0x22 || c === 0x3a || c === 0x3b) break;
      }
      if (i === valueStart || i === n || line.charCodeAt(i) === 0x22) return false;
    }
    const c = line.charCodeAt(i++);
    if (c === 0x3a) break; // ':'
    if (c !== 0x3b) return false; // ';' starts a parameter
  }
  for (; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return false;
  }
  return true;
}

export function nodeIcalReads(line: string): boolean {
  if (plainlyRead(line)) return true;
  return NODE_ICAL_LINE.test(line.includes('TZID=') && !line.includes('"(') ? line.replaceAll('"', '') : line);
}

/** node-ical gives a property with parameters (SUMMARY;LANGUAGE=fr:…) as { params, val }. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'val' in value) return textOf((value as { val: unknown }).val);
  return value === undefined || value === null ? '' : String(value);
}
