/**
 * The gate before parsing: node-ical would return an empty calendar for each of these, and an
 * empty calendar read as good would free every night.
 */
import { describe, expect, it } from 'vitest';
import { validateFeedBytes } from '../../../main/ical/validateFeed';
import { prepareFeed } from '../../../main/ical/prepareFeed';
import { decodeFeed } from '../../../main/ical/decodeFeed';

const key = (body: string | Buffer) => validateFeedBytes(typeof body === 'string' ? Buffer.from(body) : body)?.key ?? null;

describe('validateFeedBytes', () => {
  it('accepts a complete calendar, with a BOM, blank lines around, any case', () => {
    expect(key('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')).toBeNull();
    expect(key(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\r\n begin:vcalendar\nend:vcalendar\n\n')]))).toBeNull();
  });

  it('refuses an empty body, or one of white space only', () => {
    expect(key('')).toBe('feeds.problem.empty');
    expect(key(' \r\n\t\n')).toBe('feeds.problem.empty');
  });

  it('recognises a web page (a login page served with 200)', () => {
    expect(key('<!DOCTYPE html><html><body>Connexion</body></html>')).toBe('feeds.problem.html');
    expect(key('\n<html lang="fr"><head></head></html>')).toBe('feeds.problem.html');
  });

  it('refuses what is not a calendar at all (JSON, XML, text)', () => {
    expect(key('{"error":"token expired"}')).toBe('feeds.problem.notCalendar');
    expect(key('<?xml version="1.0"?><error/>')).toBe('feeds.problem.notCalendar');
    expect(key('Service temporarily unavailable')).toBe('feeds.problem.notCalendar');
  });

  it('refuses a download cut off before END:VCALENDAR', () => {
    expect(key('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:2026')).toBe('feeds.problem.truncated');
    expect(key('BEGIN:VCALENDAR\r\nEND:VCALEN')).toBe('feeds.problem.truncated');
  });
});

describe('prepareFeed structure check', () => {
  const prepare = (text: string) => {
    const decoded = decodeFeed(Buffer.from(text));
    return prepareFeed(decoded.text, decoded.lines, 'Europe/Paris');
  };

  it('refuses a block left open, naming it', () => {
    expect(prepare('BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VCALENDAR\n')).toEqual({ problem: { key: 'feeds.problem.unbalanced', params: { component: 'VEVENT' } } });
  });

  it('refuses an END that closes nothing', () => {
    expect(prepare('BEGIN:VCALENDAR\nEND:VEVENT\nEND:VCALENDAR\n')).toMatchObject({ problem: { key: 'feeds.problem.unbalanced' } });
  });

  it('keeps the first DTSTART of an event that has two (node-ical would throw away the whole calendar)', () => {
    const prepared = prepare('BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nDTSTART;VALUE=DATE:20260710\nDTSTART;VALUE=DATE:20260801\nDTEND;VALUE=DATE:20260712\nEND:VEVENT\nEND:VCALENDAR\n');
    if ('problem' in prepared) throw new Error('refused');
    expect(prepared.text).toContain('DTSTART;VALUE=DATE:20260710');
    expect(prepared.text).not.toContain('20260801');
  });

  it('warns that extra dates (RDATE) are not read', () => {
    const prepared = prepare('BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:r-1\nDTSTART;VALUE=DATE:20260710\nRDATE;VALUE=DATE:20260801\nEND:VEVENT\nEND:VCALENDAR\n');
    if ('problem' in prepared) throw new Error('refused');
    expect(prepared.warnings).toEqual([{ key: 'feeds.warning.rdateIgnored', params: { uid: 'r-1' } }]);
  });
});
