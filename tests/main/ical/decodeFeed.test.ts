/**
 * Decoding by hand: folds removed on bytes (a fold may split a multi-byte character), strict
 * UTF-8 first, Windows-1252 otherwise, a BOM ignored, any line ending.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFeed, decodeWindows1252, unfoldBytes } from '../../../main/ical/decodeFeed';

/** Folds a line at the given byte widths, as a careless generator does: anywhere, even mid-character. */
function foldAnywhere(line: string, widths: number[], eol: string): Buffer {
  const bytes = Buffer.from(line, 'utf8');
  const parts: Buffer[] = [];
  let at = 0;
  for (const width of widths) {
    if (at >= bytes.length) break;
    parts.push(bytes.subarray(at, at + width));
    at += width;
  }
  if (at < bytes.length) parts.push(bytes.subarray(at));
  return Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from(`${eol} `), p])));
}

describe('decodeFeed', () => {
  it('unfolds on bytes, so a character cut by a fold comes back whole (any widths, CRLF or LF)', () => {
    const text = fc.string({ unit: fc.constantFrom('é', 'è', 'à', 'ç', '€', '–', '日', '😀', 'a', 'Z', ' ', ';', ','), minLength: 1, maxLength: 120 });
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 10 }), fc.constantFrom('\r\n', '\n'), (value, widths, eol) => {
        const line = `DESCRIPTION:${value.trim() || 'x'}`;
        const decoded = decodeFeed(Buffer.concat([foldAnywhere(line, widths, eol), Buffer.from(eol)]));
        expect(decoded.lines.filter(Boolean)).toEqual([line]);
        expect(decoded.encoding).toBe('utf-8');
      }),
      { numRuns: 500 },
    );
  });

  it('leaves a body without folds untouched', () => {
    const body = Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(unfoldBytes(body)).toBe(body);
  });

  it('strips a UTF-8 byte-order mark', () => {
    const decoded = decodeFeed(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR')]));
    expect(decoded.lines.filter(Boolean)).toEqual(['BEGIN:VCALENDAR', 'END:VCALENDAR']);
  });

  it('reads CR-only, LF-only and CRLF line ends alike', () => {
    for (const eol of ['\r', '\n', '\r\n']) {
      expect(decodeFeed(Buffer.from(['BEGIN:VCALENDAR', 'X:1', 'END:VCALENDAR'].join(eol))).lines).toEqual(['BEGIN:VCALENDAR', 'X:1', 'END:VCALENDAR']);
    }
  });

  it('falls back to Windows-1252, with its € and dashes, when the bytes are not UTF-8', () => {
    const decoded = decodeFeed(Buffer.from([...Buffer.from('SUMMARY:R'), 0xe9, ...Buffer.from('servé '.replace('é', '')), 0x96, 0x20, 0x80, 0x35]));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.lines.filter(Boolean)).toEqual(['SUMMARY:Réserv – €5']);
    expect(decoded.warnings.map((w) => w.key)).toEqual(['feeds.warning.windows1252']);
  });

  it('maps all 27 Windows-1252 characters of 0x80–0x9F, as Python and Windows do', () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x85, 0x8c, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9c, 0x9f]))).toBe('€…Œ‘’“”–—™œŸ');
  });
});
