/**
 * What a TZID names. node-ical guesses (and falls back to the machine's zone for names it does
 * not know); we decide once per calendar: an IANA zone, a Windows zone name (Outlook and
 * Exchange write "Romance Standard Time"), a zone the calendar defines in a VTIMEZONE block, or
 * nothing we can trust — then the time is read in the property's zone, with a warning.
 */
import windowsZones from 'node-ical/windowsZones.json';
import { isTimeZone } from '../../shared/nights';
import type { VTimezoneRules } from './vtimezone';

export type ResolvedZone = { kind: 'iana'; zone: string } | { kind: 'custom'; rules: VTimezoneRules } | { kind: 'unknown' };

const WINDOWS_ZONES = windowsZones as Record<string, { iana: string[] }>;

export function unquote(tzid: string): string {
  return tzid.trim().replace(/^"(.*)"$/, '$1');
}

export class ZoneResolver {
  private readonly cache = new Map<string, ResolvedZone>();

  constructor(private readonly customZones: ReadonlyMap<string, VTimezoneRules>) {}

  resolve(tzid: string): ResolvedZone {
    const name = unquote(tzid);
    let resolved = this.cache.get(name);
    if (!resolved) {
      resolved = this.lookUp(name);
      this.cache.set(name, resolved);
    }
    return resolved;
  }

  private lookUp(name: string): ResolvedZone {
    if (isTimeZone(name)) return { kind: 'iana', zone: name };
    const windows = WINDOWS_ZONES[name]?.iana[0];
    if (windows && isTimeZone(windows)) return { kind: 'iana', zone: windows };
    const custom = this.customZones.get(name);
    if (custom && custom.observances.length > 0) return { kind: 'custom', rules: custom };
    return { kind: 'unknown' };
  }
}
