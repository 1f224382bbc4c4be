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

export function nodeIcalReads(line: string): boolean {
  return NODE_ICAL_LINE.test(line.includes('TZID=') && !line.includes('"(') ? line.replaceAll('"', '') : line);
}

/** node-ical gives a property with parameters (SUMMARY;LANGUAGE=fr:…) as { params, val }. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'val' in value) return textOf((value as { val: unknown }).val);
  return value === undefined || value === null ? '' : String(value);
}
