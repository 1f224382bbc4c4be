import type { Channel, ChannelConnection, ConnectionKind, ConnectionStatus, Feed } from '../../shared/domain';
import type { Db } from './connection';

interface ConnectionRow {
  id: number;
  channel: Channel;
  name: string;
  kind: ConnectionKind;
  status: ConnectionStatus;
  sends_cancellations: number;
  commission_basis_points: number | null;
  created_at: string;
  updated_at: string;
}

function rowToConnection(row: ConnectionRow): ChannelConnection {
  return {
    id: row.id,
    channel: row.channel,
    name: row.name,
    kind: row.kind,
    status: row.status,
    sendsCancellations: row.sends_cancellations === 1,
    commissionBasisPoints: row.commission_basis_points,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listConnections(db: Db): ChannelConnection[] {
  return (db.prepare('SELECT * FROM channel_connections ORDER BY id').all() as ConnectionRow[]).map(rowToConnection);
}

export function getConnection(db: Db, id: number): ChannelConnection | null {
  const row = db.prepare('SELECT * FROM channel_connections WHERE id = ?').get(id) as ConnectionRow | undefined;
  return row ? rowToConnection(row) : null;
}

export interface NewConnection {
  channel: Channel;
  name: string;
  kind: ConnectionKind;
  status: ConnectionStatus;
  sendsCancellations: boolean;
  commissionBasisPoints: number | null;
}

export function insertConnection(db: Db, connection: NewConnection, now: Date): ChannelConnection {
  const at = now.toISOString();
  const { id } = db
    .prepare(
      `INSERT INTO channel_connections (channel, name, kind, status, sends_cancellations, commission_basis_points, created_at, updated_at)
       VALUES (@channel, @name, @kind, @status, @sendsCancellations, @commissionBasisPoints, @at, @at) RETURNING id`,
    )
    .get({ ...connection, sendsCancellations: connection.sendsCancellations ? 1 : 0, at }) as { id: number };
  return getConnection(db, id)!;
}

interface FeedRow {
  id: number;
  connection_id: number;
  unit_id: number;
  import_url: string | null;
  import_enabled: number;
  export_enabled: number;
  export_token: string | null;
  health: Feed['health'];
  last_error: string | null;
  last_success_at: string | null;
  failing_since: string | null;
}

function rowToFeed(row: FeedRow): Feed {
  return {
    id: row.id,
    connectionId: row.connection_id,
    unitId: row.unit_id,
    importUrl: row.import_url,
    importEnabled: row.import_enabled === 1,
    exportEnabled: row.export_enabled === 1,
    health: row.health,
    lastError: row.last_error,
    lastSuccessAt: row.last_success_at,
    failingSince: row.failing_since,
  };
}

export interface NewFeed {
  connectionId: number;
  unitId: number;
  importUrl: string | null;
  importEnabled: boolean;
  exportEnabled: boolean;
  /** Random, ≥ 128 bits: the only secret guarding an outgoing link. */
  exportToken: string | null;
}

export function insertFeed(db: Db, feed: NewFeed): Feed {
  const { id } = db
    .prepare(
      `INSERT INTO feeds (connection_id, unit_id, import_url, import_enabled, export_enabled, export_token)
       VALUES (@connectionId, @unitId, @importUrl, @importEnabled, @exportEnabled, @exportToken) RETURNING id`,
    )
    .get({ ...feed, importEnabled: feed.importEnabled ? 1 : 0, exportEnabled: feed.exportEnabled ? 1 : 0 }) as { id: number };
  return rowToFeed(db.prepare('SELECT * FROM feeds WHERE id = ?').get(id) as FeedRow);
}

export function listFeeds(db: Db): Feed[] {
  return (db.prepare('SELECT * FROM feeds ORDER BY connection_id, unit_id').all() as FeedRow[]).map(rowToFeed);
}
