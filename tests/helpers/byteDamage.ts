/**
 * Byte damage for the import property (tests/main/sync/byteDamage.property.test.ts): what can
 * happen to a partner's calendar between its server and ours, as a fast-check arbitrary, and
 * the reply the partner server then sends.
 */
import zlib from 'node:zlib';
import fc from 'fast-check';
import { ics, type Reply } from './partnerServer';

export type Damage =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: { at: number; mask: number }[] }
  | { kind: 'insert'; at: number; garbage: number[] }
  | { kind: 'encoding'; as: 'utf16le' | 'utf16le+bom' | 'utf16be+bom' | 'latin1' | 'utf8+bom' }
  | { kind: 'lineEnds'; to: '\r' | '\n' | '\r\n' | 'mixed' }
  | { kind: 'lowerCaseNames'; lines: boolean[] }
  | { kind: 'html'; status: 200 | 203 }
  | { kind: 'gzip'; how: 'unlabelled' | 'labelOnPlainBytes' | 'cutStream' }
  | { kind: 'blank'; body: string };

// Damage, not a different calendar: a digit turned into another digit, or digits inserted, can
// make a real, valid date — a partner's own change, which no importer could tell from damage.
const GARBAGE_BYTE = fc.oneof(fc.integer({ min: 0x00, max: 0x2f }), fc.integer({ min: 0x3a, max: 0xff }), fc.constantFrom(0x0d, 0x0a, 0x20, 0x3a, 0x3b));
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;

export const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.record({ at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), garbage: fc.array(GARBAGE_BYTE, { minLength: 1, maxLength: 24 }) }),
  fc.record({ kind: fc.constant('encoding' as const), as: fc.constantFrom('utf16le' as const, 'utf16le+bom' as const, 'utf16be+bom' as const, 'latin1' as const, 'utf8+bom' as const) }),
  fc.record({ kind: fc.constant('lineEnds' as const), to: fc.constantFrom('\r' as const, '\n' as const, '\r\n' as const, 'mixed' as const) }),
  fc.record({ kind: fc.constant('lowerCaseNames' as const), lines: fc.array(fc.boolean(), { minLength: 1, maxLength: 80 }) }),
  fc.record({ kind: fc.constant('html' as const), status: fc.constantFrom(200 as const, 203 as const) }),
  fc.record({ kind: fc.constant('gzip' as const), how: fc.constantFrom('unlabelled' as const, 'labelOnPlainBytes' as const, 'cutStream' as const) }),
  fc.record({ kind: fc.constant('blank' as const), body: fc.constantFrom('', '\r\n', '   \n\t', '\uFEFF') }),
);

export interface Damaged {
  reply: Reply;
  /** The body the importer gets, when it is served as is. */
  body?: Buffer;
  /** Nothing in these bytes can pass for a calendar: the read must be refused. */
  mustRefuse?: boolean;
  /** The same calendar in other clothes: it must be read, holding the same nights. */
  sameCalendar?: boolean;
}

const served = (body: Buffer, rest: Omit<Damaged, 'reply' | 'body'> = {}): Damaged => ({ reply: ics(body), body, ...rest });

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

export function applyDamage(good: Buffer, d: Damage): Damaged {
  const text = good.toString('utf8');
  switch (d.kind) {
    case 'truncate': {
      const at = d.at % good.length;
      // Only a cut in the line end after END:VCALENDAR leaves a whole calendar.
      return served(good.subarray(0, at), { mustRefuse: at < good.lastIndexOf('END:VCALENDAR') + 'END:VCALENDAR'.length });
    }
    case 'flip': {
      const bytes = Buffer.from(good);
      for (const { at, mask } of d.flips) {
        const i = at % bytes.length;
        const flipped = bytes[i]! ^ mask;
        bytes[i] = isDigit(bytes[i]!) && isDigit(flipped) ? bytes[i]! ^ 0x40 : flipped;
      }
      return served(bytes);
    }
    case 'insert': {
      const at = d.at % (good.length + 1);
      return served(Buffer.concat([good.subarray(0, at), Buffer.from(d.garbage), good.subarray(at)]));
    }
    case 'encoding': {
      const bodies = {
        utf16le: Buffer.from(text, 'utf16le'),
        'utf16le+bom': Buffer.from(`\uFEFF${text}`, 'utf16le'),
        'utf16be+bom': utf16be(`\uFEFF${text}`),
        // Characters past U+00FF keep only their low byte: mojibake, perhaps a line break.
        latin1: Buffer.from(text, 'latin1'),
        'utf8+bom': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good]),
      };
      return served(bodies[d.as], { mustRefuse: d.as.startsWith('utf16'), sameCalendar: d.as === 'utf8+bom' });
    }
    case 'lineEnds': {
      const lines = text.split(/\r?\n/);
      const body = d.to === 'mixed' ? lines.map((l, i) => l + ['\r\n', '\n', '\r'][i % 3]).join('') : lines.join(d.to);
      return served(Buffer.from(body), { sameCalendar: true });
    }
    case 'lowerCaseNames': {
      // Names, and BEGIN/END's component, are case-insensitive (RFC 5545 §3.1).
      const lines = text.split(/(?<=\n)/).map((line, i) => {
        if (!d.lines[i % d.lines.length] || line.startsWith(' ')) return line;
        const head = /^[A-Za-z-]+/.exec(line)?.[0] ?? '';
        return /^(BEGIN|END):/.test(line) ? line.toLowerCase() : head.toLowerCase() + line.slice(head.length);
      });
      return served(Buffer.from(lines.join('')), { sameCalendar: true });
    }
    case 'html': {
      const page = `<!DOCTYPE html>\n<html><head><title>Erreur 502 – Passerelle</title></head><body><h1>Le service est momentanément indisponible</h1></body></html>`;
      return { reply: ics(page, { 'content-type': d.status === 200 ? 'text/calendar' : 'text/html; charset=utf-8' }), mustRefuse: true };
    }
    case 'gzip': {
      const zipped = zlib.gzipSync(good);
      if (d.how === 'unlabelled') return served(zipped, { mustRefuse: true });
      if (d.how === 'labelOnPlainBytes') return { reply: ics(good, { 'content-encoding': 'gzip' }), mustRefuse: true };
      return { reply: ics(zipped.subarray(0, Math.floor(zipped.length / 2)), { 'content-encoding': 'gzip' }), mustRefuse: true };
    }
    case 'blank':
      return served(Buffer.from(d.body), { mustRefuse: true });
  }
}

