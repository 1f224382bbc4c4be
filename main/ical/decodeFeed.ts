/**
 * Bytes → text lines, done by hand because partners get every layer wrong (DESIGN §4): a UTF-8
 * BOM, LF-only line ends, long lines folded in the middle of a multi-byte character (so folds
 * are removed on the bytes, before decoding), and files saved in Windows-1252 by an old PMS.
 */
import { warning, type FeedWarning } from './feedProblem';

export interface DecodedFeed {
  /** The unfolded text, as decoded. */
  text: string;
  /** Its lines, without their line ends (empty lines included). */
  lines: string[];
  encoding: 'utf-8' | 'windows-1252';
  warnings: FeedWarning[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Windows-1252 bytes 0x80–0x9F (€, ‘ ’ “ ”, –, —, …, Œ, œ, Š …). Node's windows-1252 decoder
 * hands them back as C1 control characters, as Latin-1 would: mapped here.
 */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  return windows1252.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** Whether some lead byte is followed by the continuation bytes it announces: text written as UTF-8. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length - 1; i++) {
    const lead = bytes[i]!;
    if (lead < 0xc2 || lead > 0xf4) continue;
    const length = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
    let whole = i + length < bytes.length;
    for (let k = 1; whole && k <= length; k++) whole = (bytes[i + k]! & 0xc0) === 0x80;
    if (whole) return true;
  }
  return false;
}

function stripBom(body: Uint8Array): Uint8Array {
  return body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? body.subarray(3) : body;
}

/**
 * Removes every line break (CRLF, or a bare LF) followed by a space or a tab: RFC 5545 §3.1
 * folding. Working on bytes keeps a character split across a fold whole.
 */
export function unfoldBytes(body: Uint8Array): Uint8Array {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const parts: Buffer[] = [];
  let copied = 0;
  let at = buffer.indexOf(0x0a);
  while (at !== -1) {
    const next = buffer[at + 1];
    if (next === 0x20 || next === 0x09) {
      const breakStart = at > 0 && buffer[at - 1] === 0x0d ? at - 1 : at;
      parts.push(buffer.subarray(copied, breakStart));
      copied = at + 2;
    }
    at = buffer.indexOf(0x0a, at + 1);
  }
  if (parts.length === 0) return body;
  parts.push(buffer.subarray(copied));
  return Buffer.concat(parts);
}

/**
 * Splits on CRLF, LF or a lone CR (old Mac files; a file mixing conventions). `loneCr` says a
 * CR not followed by LF was found: node-ical splits on LF only and drops any line holding a CR,
 * so it would lose what we read (a cut UID or DTSTART, or every line of a CR-only file).
 */
function splitLines(text: string): { lines: string[]; loneCr: boolean } {
  // A plain split is several times faster than a regex one, and most files have no CR at all.
  if (text.indexOf('\r') === -1) return { lines: text.split('\n'), loneCr: false };
  const lines = text.split('\n');
  let loneCr = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.charCodeAt(line.length - 1) === 13) {
      line = line.slice(0, -1);
      lines[i] = line;
      // The last line has no LF after it: its CR stood alone.
      if (i === lines.length - 1) loneCr = true;
    }
    if (line.indexOf('\r') !== -1) loneCr = true;
  }
  return { lines: loneCr ? lines.flatMap((l) => l.split('\r')) : lines, loneCr };
}

export function decodeFeed(body: Uint8Array): DecodedFeed {
  const unfolded = unfoldBytes(stripBom(body));
  const warnings: FeedWarning[] = [];
  let text: string;
  let encoding: DecodedFeed['encoding'] = 'utf-8';
  try {
    text = utf8.decode(unfolded);
  } catch {
    // Not valid UTF-8: in practice a file saved by a Windows program in Western European. One
    // that holds UTF-8 sequences too was damaged on the way (or mixes encodings): read all the
    // same, but said, and readFeed counts it as damage, so the read frees no night.
    text = decodeWindows1252(unfolded);
    encoding = 'windows-1252';
    warnings.push(warning(hasUtf8Sequence(unfolded) ? 'mixedEncoding' : 'windows1252'));
  }
  const { lines, loneCr } = splitLines(text);
  // node-ical must read the lines we read: with a lone CR, it gets them joined again by CRLF.
  return { text: loneCr ? lines.join('\r\n') : text, lines, encoding, warnings };
}
