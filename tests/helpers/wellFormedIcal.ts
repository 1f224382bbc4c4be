/**
 * Whether bytes are a well-formed iCalendar stream by RFC 5545's grammar, checked here on its
 * own (no code shared with main/ical): UTF-8 (or wholly Windows-1252), CRLF or LF line ends, every unfolded line a
 * content line (name, parameters, ':' value without control characters), BEGIN/END balanced
 * inside one VCALENDAR, and every DTSTART, DTEND, DTSTAMP and RECURRENCE-ID a real date or
 * date-time.
 *
 * The byte-damage property uses it to tell damage from a different calendar: a flip that turns
 * "DTEND" into "BTEND" leaves a valid calendar whose event has no end, which any importer must
 * read as one night. Such damage cannot be detected, so it is not held against the importer.
 */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

// RFC 5545 §3.1: name *(";" param) ":" value; param values quoted or without '"' ';' ':' ','.
const NAME = '[A-Za-z0-9-]+';
const PARAM_VALUE = '(?:"[^"\\p{Cc}]*"|[^";:,\\p{Cc}]*)';
const CONTENT_LINE = new RegExp(`^(${NAME})((?:;${NAME}=${PARAM_VALUE}(?:,${PARAM_VALUE})*)*):([^\\p{Cc}]|\\t)*$`, 'u');

const DATE_PROPERTIES = new Set(['DTSTART', 'DTEND', 'DTSTAMP', 'RECURRENCE-ID']);

function isDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isDateValue(value: string, params: string): boolean {
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (date) return !/;VALUE=DATE-TIME/i.test(params) && isDate(+date[1]!, +date[2]!, +date[3]!);
  const time = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/.exec(value);
  if (!time || /;VALUE=DATE(?!-)/i.test(params)) return false;
  return isDate(+time[1]!, +time[2]!, +time[3]!) && +time[4]! < 24 && +time[5]! < 60 && +time[6]! < 61;
}

/** The stream's unfolded content lines if it is well-formed, else null. */
export function wellFormedLines(bytes: Uint8Array): string[] | null {
  // Folding is on octets (a fold may split a character): unfold, then decode.
  const unfolded = Buffer.from(Buffer.from(bytes).toString('latin1').replace(/\r?\n[ \t]/g, ''), 'latin1');
  let text: string;
  try {
    text = utf8.decode(unfolded);
  } catch {
    // A file wholly in Windows-1252 (an old PMS) is a calendar; UTF-8 with stray bytes is not.
    if (/[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}/.test(unfolded.toString('latin1'))) return null;
    text = unfolded.toString('latin1');
  }
  if (/\r(?!\n)/.test(text)) return null;
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const stack: string[] = [];
  let calendars = 0;
  for (const line of lines) {
    const match = CONTENT_LINE.exec(line);
    if (!match) return null;
    const name = match[1]!.toUpperCase();
    const params = match[2] ?? '';
    const value = line.slice(match[1]!.length + params.length + 1);
    if (name === 'BEGIN') {
      if (stack.length === 0 && (value.toUpperCase() !== 'VCALENDAR' || ++calendars > 1)) return null;
      stack.push(value.toUpperCase());
    } else if (name === 'END') {
      if (stack.pop() !== value.toUpperCase()) return null;
    } else if (stack.length === 0 || (DATE_PROPERTIES.has(name) && !isDateValue(value, params))) {
      return null;
    }
  }
  return stack.length === 0 && calendars === 1 ? lines : null;
}
