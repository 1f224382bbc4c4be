import type { Migration } from './index';

/**
 * What importing partner calendars needs (DESIGN §4). Reconcile compares each good read with
 * the last good read of the same feed, not with the reservation files: the owner may have moved
 * or cancelled a file since, and only what the partner changed must be applied. So the stays of
 * the last good read are kept, one row each, with the file each maps to (departed stays are
 * left out: whatever becomes of them changes nothing).
 */
export const feedReads: Migration = {
  version: 2,
  name: '002_feed_reads',
  up(db) {
    db.exec(`
      CREATE TABLE feed_read_stays (
        feed_id INTEGER NOT NULL REFERENCES feeds(id),
        -- The event's UID, or UID#YYYY-MM-DD for one occurrence of a repeating event.
        stay_key TEXT NOT NULL,
        uid TEXT NOT NULL,
        arrival TEXT NOT NULL CHECK (arrival GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        -- Equal to arrival when the event holds no night.
        departure TEXT NOT NULL CHECK (departure >= arrival),
        -- Written with OR, not IN (…): SQLite builds a table for an IN list at every row checked,
        -- which doubled the cost of saving a read of 20,000 stays.
        kind TEXT NOT NULL CHECK (kind = 'reservation' OR kind = 'block' OR kind = 'unknown'),
        status TEXT NOT NULL CHECK (status = 'confirmed' OR status = 'tentative' OR status = 'cancelled'),
        sequence INTEGER NOT NULL DEFAULT 0,
        dtstamp TEXT,
        -- The guest details as the partner last sent them (JSON), to notice when they change.
        guest TEXT CHECK (guest IS NULL OR json_valid(guest)),
        -- NULL when the stay has no file: cancelled before we saw it, or holding no night.
        reservation_id INTEGER REFERENCES reservations(id),
        PRIMARY KEY (feed_id, stay_key)
      ) STRICT, WITHOUT ROWID;

      -- The hash of last_good_body: an identical body is "unchanged" without being read again.
      ALTER TABLE feeds ADD COLUMN last_good_hash TEXT;
    `);
  },
};
