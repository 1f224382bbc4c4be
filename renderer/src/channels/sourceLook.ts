/**
 * How a file's source looks on the planning and in lists: the channel's colour and a letter,
 * the same everywhere. Colours are dark enough for white text (contrast ≥ 4.5:1).
 */
import type { ConnectionWithFeeds } from '../../../shared/channelPresets';
import type { Channel, Reservation } from '../../../shared/domain';
import type { OutgoingFeedLink } from '../../../shared/outgoingFeeds';
import type { SyncStatus } from '../../../shared/sync';

export interface SourceLook {
  letter: string;
  colour: string;
}

export const DIRECT_LOOK: SourceLook = { letter: 'D', colour: '#2f6f62' };
const UNKNOWN_LOOK: SourceLook = { letter: '?', colour: '#5c5c5c' };

export const CHANNEL_LOOKS: Record<Channel, SourceLook> = {
  france_voyage: { letter: 'F', colour: '#1d5a9e' },
  feratel_deskline: { letter: 'G', colour: '#3d6b21' },
  alma_heritage: { letter: 'H', colour: '#6d3f8f' },
  airbnb: { letter: 'A', colour: '#b3263e' },
  booking_com: { letter: 'B', colour: '#1b3d8f' },
  abritel: { letter: 'V', colour: '#0f6d8c' },
  amivac: { letter: 'M', colour: '#8a4b12' },
  tripadvisor: { letter: 'T', colour: '#1f6e4a' },
  clevacances: { letter: 'C', colour: '#9c2a7a' },
  google: { letter: 'Go', colour: '#3b5bb5' },
  other_ical: { letter: 'i', colour: '#555f6b' },
};

export interface Connection {
  id: number;
  channel: Channel | null;
  name: string;
  /** Removed: its files stay, marked as from a removed channel. */
  removed?: boolean;
}

/**
 * Connections known to the page: 'connections:list' (removed ones too), then the sync status
 * and, failing that, the outgoing links.
 */
export function connectionsOf(status: SyncStatus | null, links: OutgoingFeedLink[], listed: ConnectionWithFeeds[] = []): Map<number, Connection> {
  const connections = new Map<number, Connection>();
  for (const c of listed) connections.set(c.id, { id: c.id, channel: c.channel, name: c.name, removed: c.status === 'removed' });
  for (const c of status?.connections ?? []) {
    const channel = (c.channel in CHANNEL_LOOKS ? c.channel : null) as Channel | null;
    if (!connections.has(c.connectionId)) connections.set(c.connectionId, { id: c.connectionId, channel, name: c.name });
  }
  for (const link of links) if (!connections.has(link.connectionId)) connections.set(link.connectionId, { id: link.connectionId, channel: link.channel, name: link.connectionName });
  return connections;
}

export function lookOf(reservation: Pick<Reservation, 'sourceConnectionId'>, connections: Map<number, Connection>): SourceLook {
  if (reservation.sourceConnectionId === null) return DIRECT_LOOK;
  const channel = connections.get(reservation.sourceConnectionId)?.channel;
  return channel ? CHANNEL_LOOKS[channel] : UNKNOWN_LOOK;
}
