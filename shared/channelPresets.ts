/**
 * What the main process tells the wizards about a channel (main/channels/presets.ts has the
 * data and enforces the rules): i18n keys under `channels.`, in the order the partner documents.
 */
import type { Channel, ChannelConnection, Feed } from './domain';
import type { Night } from './nights';

export interface ChannelPreset {
  channel: Channel;
  kind: 'ical' | 'api';
  /** False: a booking that vanishes from the partner's calendar is flagged, not cancelled. */
  sendsCancellations: boolean;
  /** What the owner confirms before the wizard goes on (keys). */
  prerequisites: string[];
  /** At most this many rooms (calendars) in one connection; null: no limit. */
  maxRooms: number | null;
  /** A gîte connects a single link (Deskline). */
  giteSingleLink: boolean;
  /** "Receive" stage: its title key and steps (where to find the partner's export link). */
  importTitle: string;
  importSteps: string[];
  /** "Send" stage: its title key and steps (where to paste our link). */
  exportTitle: string;
  exportSteps: string[];
  /** Anything else the owner must know (polling interval, commissions, cancellations). */
  notes: string[];
}

/** A connection with its per-room feeds, as the channels page lists them. */
export interface ConnectionWithFeeds extends ChannelConnection {
  feeds: Feed[];
}

/** What checking a pasted link found, in words the wizard composes ("12 bookings from … to …"). */
export type LinkCheckResult =
  | { checkId: string; ok: true; bookings: number; blocks: number; first: Night | null; last: Night | null; warnings: FeedMessage[] }
  | { checkId: string; ok: false; html: boolean; problem: FeedMessage };

export interface FeedMessage {
  key: string;
  params?: Record<string, string | number>;
}
