import type { Migration } from './index';

/**
 * API channels (Alma Heritage, issue 9): room mappings, the outbox filled by the database
 * itself, the reservation events received from the partner, and each connection's sync state.
 *
 * Why triggers: every change to a mapped room's rates, stock, restrictions or availability must
 * reach the outbox in the same transaction as the change, whoever writes it (the owner's
 * calls, an iCal import, the command line, another process). A trigger cannot be forgotten by a
 * new code path. The outbox holds WHICH nights changed, never values: the pusher reads the
 * schedule as it is when it sends (full state), so a resend or a merge can never send a stale
 * value. A waiting row is widened by a change that overlaps or touches it (merged), and its
 * `revision` goes up, so a push that read the row before the change does not delete it.
 */

/** Open ends: "every night" for a change to a room's defaults; the pusher clamps to its horizon. */
export const OUTBOX_OPEN_FIRST = '0001-01-01';
export const OUTBOX_OPEN_LAST = '9998-12-31';

type AriKind = 'availability' | 'rates' | 'restrictions';

/** Marks nights first..last (SQL expressions) of a unit dirty for every API connection mapping it. */
function markDirty(kind: AriKind, unit: string, first: string, last: string): string {
  const mapped = `SELECT m.connection_id, m.unit_id FROM api_room_mappings m
      JOIN channel_connections c ON c.id = m.connection_id
      WHERE m.unit_id = ${unit} AND c.status IN ('active', 'paused')`;
  return `
    UPDATE outbox SET first_night = min(first_night, ${first}), last_night = max(last_night, ${last}), revision = revision + 1
      WHERE message_kind = '${kind}' AND unit_id = ${unit}
        AND connection_id IN (SELECT connection_id FROM (${mapped}))
        AND first_night <= date(${last}, '+1 day') AND last_night >= date(${first}, '-1 day');
    INSERT INTO outbox (connection_id, unit_id, message_kind, first_night, last_night, created_at)
      SELECT m.connection_id, m.unit_id, '${kind}', ${first}, ${last}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      FROM (${mapped}) m
      WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.connection_id = m.connection_id AND o.unit_id = m.unit_id
        AND o.message_kind = '${kind}' AND o.first_night <= ${first} AND o.last_night >= ${last});`;
}

/** Which override columns each message carries (closed is both a stock of 0 and a restriction). */
const OVERRIDE_COLUMNS: Record<AriKind, string[]> = {
  availability: ['stock', 'closed'],
  rates: ['rate_cents'],
  restrictions: ['min_stay', 'closed_to_arrival', 'closed_to_departure', 'closed'],
};

/** And which unit defaults. */
const UNIT_COLUMNS: Record<AriKind, string> = { availability: 'stock', rates: 'base_rate_cents', restrictions: 'min_stay' };

function overrideTriggers(): string {
  return (Object.keys(OVERRIDE_COLUMNS) as AriKind[])
    .map((kind) => {
      const cols = OVERRIDE_COLUMNS[kind];
      const onInsert = cols.map((c) => `NEW.${c} IS NOT NULL`).join(' OR ');
      const onUpdate = cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
      const onDelete = cols.map((c) => `OLD.${c} IS NOT NULL`).join(' OR ');
      return `
        CREATE TRIGGER outbox_override_insert_${kind} AFTER INSERT ON night_overrides WHEN ${onInsert}
        BEGIN ${markDirty(kind, 'NEW.unit_id', 'NEW.night', 'NEW.night')} END;
        CREATE TRIGGER outbox_override_update_${kind} AFTER UPDATE ON night_overrides WHEN ${onUpdate}
        BEGIN ${markDirty(kind, 'NEW.unit_id', 'NEW.night', 'NEW.night')} END;
        CREATE TRIGGER outbox_override_delete_${kind} AFTER DELETE ON night_overrides WHEN ${onDelete}
        BEGIN ${markDirty(kind, 'OLD.unit_id', 'OLD.night', 'OLD.night')} END;`;
    })
    .join('\n');
}

function unitTriggers(): string {
  const first = `'${OUTBOX_OPEN_FIRST}'`;
  const last = `'${OUTBOX_OPEN_LAST}'`;
  return (Object.keys(UNIT_COLUMNS) as AriKind[])
    .map((kind) => {
      const col = UNIT_COLUMNS[kind];
      return `
        CREATE TRIGGER outbox_unit_${kind} AFTER UPDATE OF ${col} ON units WHEN OLD.${col} IS NOT NEW.${col}
        BEGIN ${markDirty(kind, 'NEW.id', first, last)} END;`;
    })
    .join('\n');
}

const HOLDS = (row: 'NEW' | 'OLD') => `${row}.status IN ('pending', 'confirmed')`;
const lastNight = (row: 'NEW' | 'OLD') => `date(${row}.departure, '-1 day')`;

function reservationTriggers(): string {
  return `
    CREATE TRIGGER outbox_reservation_insert AFTER INSERT ON reservations WHEN ${HOLDS('NEW')}
    BEGIN ${markDirty('availability', 'NEW.unit_id', 'NEW.arrival', lastNight('NEW'))} END;
    CREATE TRIGGER outbox_reservation_update AFTER UPDATE OF status, arrival, departure, unit_id ON reservations
      WHEN (${HOLDS('OLD')} OR ${HOLDS('NEW')})
        AND (OLD.status IS NOT NEW.status OR OLD.arrival IS NOT NEW.arrival OR OLD.departure IS NOT NEW.departure OR OLD.unit_id IS NOT NEW.unit_id)
    BEGIN
      ${markDirty('availability', 'OLD.unit_id', 'OLD.arrival', lastNight('OLD'))}
      ${markDirty('availability', 'NEW.unit_id', 'NEW.arrival', lastNight('NEW'))}
    END;`;
}

export const apiChannels: Migration = {
  version: 4,
  name: '004_api_channels',
  up(db) {
    db.exec(`
      -- Which of the partner's room type and rate plan each of our rooms is sold as.
      CREATE TABLE api_room_mappings (
        connection_id INTEGER NOT NULL REFERENCES channel_connections(id),
        unit_id INTEGER NOT NULL REFERENCES units(id),
        room_code TEXT NOT NULL CHECK (length(room_code) BETWEEN 1 AND 64),
        rate_code TEXT NOT NULL CHECK (length(rate_code) BETWEEN 1 AND 64),
        PRIMARY KEY (connection_id, unit_id),
        UNIQUE (connection_id, room_code)
      ) STRICT;

      -- A push reads a row's revision; it deletes the row after success only if nothing widened it meanwhile.
      ALTER TABLE outbox ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX outbox_rows ON outbox (connection_id, unit_id, message_kind, first_night);

      -- Every reservation event a partner delivered, once: (number, status, partner's time) is its
      -- identity, so a redelivery (we died before acknowledging) is recognised, not stored twice.
      CREATE TABLE partner_events (
        id INTEGER PRIMARY KEY,
        connection_id INTEGER NOT NULL REFERENCES channel_connections(id),
        reservation_number TEXT NOT NULL,
        res_status TEXT NOT NULL,
        partner_created_at TEXT NOT NULL,
        reservation_id INTEGER REFERENCES reservations(id),
        outcome TEXT NOT NULL CHECK (outcome IN ('created', 'cancelled', 'flagged', 'unchanged', 'held')),
        received_at TEXT NOT NULL,
        -- Set once the partner answered our acknowledgement; NULL = still to acknowledge.
        acked_at TEXT,
        -- A held event (outcome 'held' with no file: its room is not mapped yet, or it could not
        -- be read) keeps what the partner sent, so it can be acknowledged at once and applied
        -- when the owner maps the room: the event as JSON, or {"raw": …} for an unreadable one.
        payload TEXT CHECK (payload IS NULL OR json_valid(payload)),
        UNIQUE (connection_id, reservation_number, res_status, partner_created_at)
      ) STRICT;
      CREATE INDEX partner_events_unacked ON partner_events (connection_id) WHERE acked_at IS NULL;
      CREATE INDEX partner_events_reservation ON partner_events (connection_id, reservation_number);

      -- Where each API connection's exchanges stand, kept across restarts (backoff, Retry-After).
      CREATE TABLE api_sync_state (
        connection_id INTEGER PRIMARY KEY REFERENCES channel_connections(id),
        last_push_at TEXT,
        last_pull_at TEXT,
        last_failure_at TEXT,
        failing_since TEXT,
        -- The last failure as shown to the owner: {key, params} (and the partner's errors).
        last_error TEXT CHECK (last_error IS NULL OR json_valid(last_error)),
        failures INTEGER NOT NULL DEFAULT 0,
        retry_at TEXT,
        -- Nights up to here have been queued once; the horizon moves with the days.
        queued_through TEXT
      ) STRICT;

      ${overrideTriggers()}
      ${unitTriggers()}
      ${reservationTriggers()}
    `);
  },
};
