/**
 * Events tell the page what changed. They must never announce something that was rolled back:
 * they are pushed after the commit, and not at all for a refused or failed call.
 */
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { ApiEventMessage } from '../../../shared/api';
import { databasePath } from '../../../main/db/connection';
import { snapshotTables } from '../../helpers/dbSnapshot';
import { addUnit, book, openService } from '../../helpers/service';

describe('events', () => {
  it('announces a new booking: the file, then its nights', () => {
    const { service, events } = openService();
    const unit = addUnit(service);
    events.length = 0;
    const stay = book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    expect(events).toEqual([
      { event: 'reservations:changed', payload: { reservationIds: [stay.id] } },
      { event: 'availability:changed', payload: { unitIds: [unit.id], firstNight: '2026-07-10', lastNight: '2026-07-12' } },
    ]);
  });

  it('announces a moved stay over both its old and its new nights', () => {
    const { service, events } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-13' });
    events.length = 0;
    service.call('reservations:update', { id: stay.id, changes: { arrival: '2026-07-20', departure: '2026-07-22' } });
    expect(events).toContainEqual({ event: 'availability:changed', payload: { unitIds: [unit.id], firstNight: '2026-07-10', lastNight: '2026-07-21' } });
  });

  it('is pushed after the commit: a listener already sees the change from another connection', () => {
    const { service, dataDir } = openService();
    const unit = addUnit(service);
    const seen: { inTransaction: boolean; committedFiles: number }[] = [];
    service.subscribe((message: ApiEventMessage) => {
      if (message.event !== 'reservations:changed') return;
      const reader = new Database(databasePath(dataDir), { readonly: true });
      try {
        seen.push({
          inTransaction: service.db.inTransaction,
          committedFiles: reader.prepare('SELECT count(*) FROM reservations').pluck().get() as number,
        });
      } finally {
        reader.close();
      }
    });
    book(service, { unitId: unit.id });
    expect(seen).toEqual([{ inTransaction: false, committedFiles: 1 }]);
  });

  it('stops reaching a listener once it unsubscribes', () => {
    const { service } = openService();
    const heard: string[] = [];
    const unsubscribe = service.subscribe((m) => heard.push(m.event));
    addUnit(service);
    unsubscribe();
    addUnit(service);
    expect(heard).toEqual(['units:changed']);
  });

  it('announces nothing for reads', () => {
    const { service, events } = openService();
    const unit = addUnit(service);
    const stay = book(service, { unitId: unit.id });
    events.length = 0;
    service.call('property:get');
    service.call('units:list');
    service.call('reservations:list');
    service.call('reservations:get', { id: stay.id });
    service.call('reservations:history', { id: stay.id });
    service.call('availability:get', { firstNight: '2026-07-01', lastNight: '2026-07-31' });
    service.call('overrides:list', { firstNight: '2026-07-01', lastNight: '2026-07-31' });
    service.call('alerts:list');
    expect(events).toEqual([]);
  });

  it('rolls back the whole call and announces nothing when the database fails half-way', () => {
    const { service, events } = openService();
    const unit = addUnit(service);
    events.length = 0;
    // The file is inserted, then writing its history row fails: neither may remain.
    service.db.exec("CREATE TRIGGER fail_history BEFORE INSERT ON reservation_history BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    const before = snapshotTables(service.db);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const envelope = service.invoke('reservations:create', { unitId: unit.id, arrival: '2026-07-10', departure: '2026-07-12', guests: 2, guestName: 'Camille Martin' });
      expect(envelope).toEqual({ ok: false, error: { code: 'internal', key: 'errors.internal', issues: [] } });
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
    }
    expect(snapshotTables(service.db)).toEqual(before);
    expect(service.db.inTransaction).toBe(false);
    expect(events).toEqual([]);
  });
});

describe('invoke', () => {
  it('wraps a result in an ok envelope', () => {
    const { service } = openService();
    const unit = addUnit(service);
    expect(service.invoke('units:list', undefined)).toEqual({ ok: true, value: [unit] });
  });

  it('wraps a refusal in an error envelope carrying the ApiError body', () => {
    const { service } = openService();
    expect(service.invoke('reservations:get', { id: 42 })).toEqual({
      ok: false,
      error: { code: 'not_found', key: 'errors.unknownReservation', params: { id: 42 }, issues: [] },
    });
  });
});
