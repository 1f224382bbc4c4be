/**
 * The first gate, on the raw bytes, before anything is decoded or parsed (DESIGN §4): node-ical
 * returns an empty calendar, not an error, for a login page or a cut-off download, and an empty
 * calendar read as good would free every night. Structural balance (BEGIN/END) is checked line by
 * line in prepareFeed, once the text is decoded.
 */
import { problem, type FeedProblem } from './feedProblem';

const BEGIN_CALENDAR = Buffer.from('BEGIN:VCALENDAR');
const END_CALENDAR = Buffer.from('END:VCALENDAR');

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c;
}

/** Offset of the first byte past a UTF-8 byte-order mark and leading white space. */
function firstContent(body: Uint8Array): number {
  let i = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  while (i < body.length && isSpace(body[i]!)) i++;
  return i;
}

function lastContent(body: Uint8Array): number {
  let i = body.length;
  while (i > 0 && isSpace(body[i - 1]!)) i--;
  return i;
}

/** ASCII case-insensitive comparison of `body` at `at` with `word`. */
function matchesAt(body: Uint8Array, at: number, word: Uint8Array): boolean {
  if (at < 0 || at + word.length > body.length) return false;
  for (let i = 0; i < word.length; i++) {
    const byte = body[at + i]!;
    const lower = byte >= 0x61 && byte <= 0x7a ? byte - 0x20 : byte;
    if (lower !== word[i]) return false;
  }
  return true;
}

function looksLikeHtml(body: Uint8Array, start: number): boolean {
  if (body[start] !== 0x3c) return false; // '<'
  const head = Buffer.from(body.subarray(start, start + 512)).toString('latin1').toLowerCase();
  return head.startsWith('<!doctype html') || head.includes('<html') || head.includes('<head') || head.includes('<body') || head.startsWith('<!--');
}

/** Null when the bytes can be a complete calendar; otherwise why not, in the owner's words. */
export function validateFeedBytes(body: Uint8Array): FeedProblem | null {
  const start = firstContent(body);
  if (start >= body.length) return problem('empty');
  if (looksLikeHtml(body, start)) return problem('html');
  if (!matchesAt(body, start, BEGIN_CALENDAR)) return problem('notCalendar');
  const end = lastContent(body);
  if (!matchesAt(body, end - END_CALENDAR.length, END_CALENDAR)) return problem('truncated');
  return null;
}
