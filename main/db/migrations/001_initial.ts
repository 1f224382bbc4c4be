import type { Migration } from './index';

/**
 * The first schema. Dates of nights are TEXT `YYYY-MM-DD` (compared as text, which orders them
 * correctly); instants are TEXT ISO-8601 UTC; money is INTEGER cents; booleans 0/1. STRICT
 * tables make SQLite refuse a value of the wrong type instead of storing it silently.
 */
export const initialSchema: Migration = {
  version: 1,
  name: '001_initial',
  up(db) {
    db.exec(`
      CREATE TABLE property (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('gite','chambre_hotes','meuble','insolite','hotel','camping','other')),
        address_line TEXT NOT NULL DEFAULT '',
        postal_code TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        region TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT 'FR',
        time_zone TEXT NOT NULL DEFAULT 'Europe/Paris',
        terms_of_sale TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        capacity INTEGER NOT NULL CHECK (capacity >= 1),
        stock INTEGER NOT NULL DEFAULT 1 CHECK (stock >= 0),
        base_rate_cents INTEGER NOT NULL CHECK (base_rate_cents >= 0),
        min_stay INTEGER NOT NULL DEFAULT 1 CHECK (min_stay >= 1),
        sort_order INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Sparse: a row exists only for nights that differ from the unit's defaults; NULL = not overridden.
      CREATE TABLE night_overrides (
        unit_id INTEGER NOT NULL REFERENCES units(id),
        night TEXT NOT NULL CHECK (night GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        rate_cents INTEGER CHECK (rate_cents >= 0),
        stock INTEGER CHECK (stock >= 0),
        min_stay INTEGER CHECK (min_stay >= 1),
        closed_to_arrival INTEGER CHECK (closed_to_arrival IN (0, 1)),
        closed_to_departure INTEGER CHECK (closed_to_departure IN (0, 1)),
        closed INTEGER CHECK (closed IN (0, 1)),
        PRIMARY KEY (unit_id, night)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE channel_connections (
        id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('ical', 'api')),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('pending', 'active', 'paused', 'removed')),
        sends_cancellations INTEGER NOT NULL DEFAULT 1 CHECK (sends_cancellations IN (0, 1)),
        commission_basis_points INTEGER CHECK (commission_basis_points BETWEEN 0 AND 10000),
        -- Channel-specific set-up (wizard answers, API endpoint, room mapping); secrets live in the OS keychain.
        settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- One per (connection, unit): the partner's link we poll, and the link we serve to the partner.
      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        connection_id INTEGER NOT NULL REFERENCES channel_connections(id),
        unit_id INTEGER NOT NULL REFERENCES units(id),
        import_url TEXT,
        import_enabled INTEGER NOT NULL DEFAULT 0 CHECK (import_enabled IN (0, 1)),
        -- Validators exactly as the partner sent them, replayed byte for byte.
        etag TEXT,
        last_modified TEXT,
        last_good_body BLOB,
        last_good_at TEXT,
        health TEXT NOT NULL DEFAULT 'unknown' CHECK (health IN ('unknown', 'ok', 'failing', 'suspicious')),
        last_error TEXT,
        last_success_at TEXT,
        failing_since TEXT,
        next_due_at TEXT,
        export_enabled INTEGER NOT NULL DEFAULT 1 CHECK (export_enabled IN (0, 1)),
        export_token TEXT UNIQUE,
        -- What the partner last fetched from us: its content hash, and when that content first
        -- appeared (Last-Modified must never go backwards, even across restarts).
        export_hash TEXT,
        export_last_modified TEXT,
        UNIQUE (connection_id, unit_id)
      ) STRICT;

      CREATE TABLE reservations (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES units(id),
        source_connection_id INTEGER REFERENCES channel_connections(id),
        partner_reference TEXT,
        -- The partner's event UID (iCal) or reservation id (API), to recognise the same stay next read.
        external_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('booking', 'block')),
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled', 'refused')),
        arrival TEXT NOT NULL,
        departure TEXT NOT NULL,
        guests INTEGER CHECK (guests >= 1),
        guest_name TEXT,
        email TEXT,
        phone TEXT,
        address TEXT,
        amount_cents INTEGER CHECK (amount_cents >= 0),
        commission_cents INTEGER CHECK (commission_cents >= 0),
        payout_date TEXT,
        notes TEXT NOT NULL DEFAULT '',
        raw_text TEXT,
        flag_gone_from_feed INTEGER NOT NULL DEFAULT 0 CHECK (flag_gone_from_feed IN (0, 1)),
        flag_changed_by_partner INTEGER NOT NULL DEFAULT 0 CHECK (flag_changed_by_partner IN (0, 1)),
        flag_suspicious_feed INTEGER NOT NULL DEFAULT 0 CHECK (flag_suspicious_feed IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (departure > arrival)
      ) STRICT;
      CREATE INDEX reservations_unit_stay ON reservations (unit_id, arrival, departure);
      CREATE INDEX reservations_source ON reservations (source_connection_id, external_id);

      -- Nothing is ever deleted: every change to a file leaves a row here.
      CREATE TABLE reservation_history (
        id INTEGER PRIMARY KEY,
        reservation_id INTEGER NOT NULL REFERENCES reservations(id),
        at TEXT NOT NULL,
        actor_kind TEXT NOT NULL CHECK (actor_kind IN ('owner', 'sync')),
        actor_connection_id INTEGER REFERENCES channel_connections(id),
        action TEXT NOT NULL,
        changes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(changes))
      ) STRICT;
      CREATE INDEX reservation_history_file ON reservation_history (reservation_id, id);

      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY,
        connection_id INTEGER NOT NULL REFERENCES channel_connections(id),
        feed_id INTEGER REFERENCES feeds(id),
        started_at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        http_status INTEGER,
        bytes INTEGER,
        outcome TEXT NOT NULL CHECK (outcome IN ('unchanged', 'updated', 'rejected', 'failed')),
        counts TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts)),
        message TEXT
      ) STRICT;
      CREATE INDEX sync_runs_connection ON sync_runs (connection_id, started_at);

      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        connection_id INTEGER REFERENCES channel_connections(id),
        reservation_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reservation_ids)),
        params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        -- Same key = same situation: raised once while open, not at every round.
        dedupe_key TEXT,
        dismissed_at TEXT
      ) STRICT;
      -- Once dismissed, the same situation arising again is a new alert.
      CREATE UNIQUE INDEX alerts_open_situation ON alerts (dedupe_key) WHERE dismissed_at IS NULL;

      -- Changes waiting to go out to API channels, kept across restarts and offline spells.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        connection_id INTEGER NOT NULL REFERENCES channel_connections(id),
        unit_id INTEGER NOT NULL REFERENCES units(id),
        message_kind TEXT NOT NULL CHECK (message_kind IN ('availability', 'rates', 'restrictions', 'reservation_status')),
        first_night TEXT,
        last_night TEXT,
        payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (connection_id, next_attempt_at);
    `);
  },
};
