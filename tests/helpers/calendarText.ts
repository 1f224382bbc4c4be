/**
 * A partner's calendar as text: Airbnb-shaped all-day events. No vitest here, so the benchmarks
 * (tests/bench, run by tsx) serve the same calendars as the tests.
 */

export type TestEvent = [uid: string, arrival: string, departure: string, summary?: string, ...extra: string[]];

/** An Airbnb-shaped calendar of all-day events (arrival and departure as YYYY-MM-DD). */
export function calendar(events: TestEvent[]): string {
  const basic = (night: string) => night.replace(/-/g, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN', 'CALSCALE:GREGORIAN'];
  for (const [uid, arrival, departure, summary = 'Reserved', ...extra] of events) {
    lines.push('BEGIN:VEVENT', 'DTSTAMP:20260501T080000Z', `DTSTART;VALUE=DATE:${basic(arrival)}`, `DTEND;VALUE=DATE:${basic(departure)}`, `SUMMARY:${summary}`, `UID:${uid}`, ...extra, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
