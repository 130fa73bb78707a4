import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type Core } from '../../src-main/app/create-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { invokeMethod } from '../../src-main/app/invoke';
import { silentLogger } from '../../src-main/app/logger';
import { seededRandom } from '../../src-main/app/random';
import { createApiClient } from '../../src-main/contract/client';
import { ApiError } from '../../src-main/contract/errors';
import type { EventEnvelope } from '../../src-main/contract/events';
import type { ApiClient } from '../../src-main/contract/methods';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { utcToZoned, zonedToUtc } from '../../src-main/domain/time-zone';
import { tempDir } from '../support/temp-dir';

const ROME = 'Europe/Rome';
const NOW = Date.UTC(2026, 2, 2, 8); // Monday 2 March 2026
const rome = (month: number, day: number, hour: number, minute = 0) => zonedToUtc({ year: 2026, month, day, hour, minute }, ROME);
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:30', to: '18:30' }));

/** The typed client over invokeMethod: inputs are validated and defaulted exactly as at the bridges. */
function clientOf(core: Core): ApiClient {
  return createApiClient({
    async call(method, input) {
      const result = await invokeMethod(core.api, method, input, silentLogger);
      if (!result.ok) throw ApiError.fromWire(result.error);
      return result.value;
    },
    subscribe: (listener) => core.events.subscribe(listener),
  });
}

/** A real core on a fresh database file, two clients, a dentist with hours, a hygienist and two chairs. */
async function office() {
  const core = await createCore({
    dataDir: join(await tempDir(), 'data'),
    log: silentLogger,
    systemTimeZone: ROME,
    clock: { now: () => NOW },
    random: seededRandom(1),
  });
  onTestFinished(() => core.dispose());
  const api = clientOf(core);
  const raw = await SqliteConnection.open(databasePathIn(core.dataDir), 'readwrite-create');
  await raw.exec(`INSERT INTO clients (id, first_name, last_name, mobile, created_at, updated_at) VALUES
    (1, 'Mario', 'Rossi', '+393331112222', 0, 0), (2, 'Anna', 'Verdi', NULL, 0, 0)`);
  await raw.close();
  const dentist = await api['staff.create']({ name: 'Dott. Bianchi', role: 'dentist', color: '#1c7ed6', workingHours: weekdays, active: true });
  const hygienist = await api['staff.create']({ name: 'Sara Conti', role: 'hygienist', color: '#0ca678', workingHours: [], active: true });
  const chair1 = await api['rooms.create']({ name: 'Poltrona 1', color: '#868e96', active: true });
  const chair2 = await api['rooms.create']({ name: 'Poltrona 2', color: '#868e96', active: true });
  const events: EventEnvelope[] = [];
  core.events.subscribe((event) => events.push(event));
  return { core, api, dentist, hygienist, chair1, chair2, events };
}

function call(core: Core, method: string, input: unknown) {
  return invokeMethod(core.api, method, input, silentLogger);
}

describe('calendar API: staff and rooms', () => {
  it('creates, edits, orders and deactivates staff and rooms, keeping the hours', async () => {
    const { api, dentist, hygienist, chair1, chair2 } = await office();
    expect(dentist).toMatchObject({ name: 'Dott. Bianchi', role: 'dentist', workingHours: weekdays, active: true, sortOrder: 0 });
    expect(hygienist.sortOrder).toBe(1);

    const updated = await api['staff.update']({ id: hygienist.id, changes: { workingHours: [{ weekday: 6, from: '09:00', to: '12:00' }] } });
    expect(updated).toMatchObject({ name: 'Sara Conti', workingHours: [{ weekday: 6, from: '09:00', to: '12:00' }] });

    const reordered = await api['staff.reorder']({ ids: [hygienist.id, dentist.id] });
    expect(reordered.items.map((s) => s.name)).toEqual(['Sara Conti', 'Dott. Bianchi']);

    await api['rooms.update']({ id: chair1.id, changes: { active: false } });
    expect((await api['rooms.list']({ includeInactive: false })).items.map((r) => r.id)).toEqual([chair2.id]);
    expect((await api['rooms.list']({})).items).toHaveLength(2);
  });

  it('refuses hours that end before they start, an order missing someone, and an unknown id', async () => {
    const { core, dentist } = await office();
    expect(await call(core, 'staff.update', { id: dentist.id, changes: { workingHours: [{ weekday: 1, from: '18:00', to: '09:00' }] } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'changes.workingHours.0.to' },
    });
    expect(await call(core, 'staff.update', { id: dentist.id, changes: { workingHours: [{ weekday: 8, from: '08:00', to: '09:00' }] } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await call(core, 'staff.reorder', { ids: [dentist.id] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'ids' } });
    expect(await call(core, 'rooms.update', { id: 99, changes: { name: 'X' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('calendar API: appointments', () => {
  it('books, lists and reads an appointment, and tells the UI', async () => {
    const { api, dentist, chair1, events } = await office();
    const result = await api['appointments.create']({
      clientId: 1,
      staffId: dentist.id,
      roomId: chair1.id,
      start: rome(3, 3, 9),
      end: rome(3, 3, 9, 30),
      notes: 'Controllo',
    });
    expect(result).toMatchObject({
      count: 1,
      conflicts: [],
      appointment: {
        status: 'booked',
        notes: 'Controllo',
        client: { id: 1, name: 'Rossi Mario', mobile: '+393331112222', noShows: 0 },
        staff: { id: dentist.id, name: 'Dott. Bianchi' },
        room: { id: chair1.id, name: 'Poltrona 1' },
        series: null,
      },
    });
    const id = result.appointment.id;
    expect(events).toEqual([{ event: 'appointments.changed', payload: { ids: [id] } }]);
    const { items } = await api['appointments.list']({ from: rome(3, 2, 0), to: rome(3, 9, 0) });
    expect(items).toEqual([
      expect.objectContaining({ id, start: rome(3, 3, 9), end: rome(3, 3, 9, 30), seriesId: null, notes: 'Controllo', client: { id: 1, name: 'Rossi Mario' } }),
    ]);
  });

  it('refuses a double-booked chair with CONFLICT, lists it, and books it once confirmed', async () => {
    const { core, api, dentist, hygienist, chair1 } = await office();
    const first = await api['appointments.create']({ clientId: 1, staffId: dentist.id, roomId: chair1.id, start: rome(3, 3, 9), end: rome(3, 3, 10) });
    const clash = { clientId: 2, staffId: hygienist.id, roomId: chair1.id, start: rome(3, 3, 9, 30), end: rome(3, 3, 10, 30) };

    const refused = await call(core, 'appointments.create', clash);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(JSON.stringify(refused)).not.toContain('Rossi');
    expect((await api['appointments.list']({ from: rome(3, 3, 0), to: rome(3, 4, 0) })).items).toHaveLength(1);

    const { conflicts } = await api['appointments.conflicts']({ create: clash });
    expect(conflicts).toEqual([
      {
        kind: 'room_busy',
        start: clash.start,
        end: clash.end,
        staff: { id: hygienist.id, name: 'Sara Conti' },
        room: { id: chair1.id, name: 'Poltrona 1' },
        other: { id: first.appointment.id, start: rome(3, 3, 9), end: rome(3, 3, 10), clientName: 'Rossi Mario' },
      },
    ]);

    const booked = await api['appointments.create']({ ...clash, confirmConflicts: true });
    expect(booked.conflicts).toEqual(conflicts);
    expect((await api['appointments.list']({ from: rome(3, 3, 0), to: rome(3, 4, 0) })).items).toHaveLength(2);
  });

  it('flags the same dentist in another chair and a time outside working hours', async () => {
    const { api, dentist, chair1, chair2 } = await office();
    await api['appointments.create']({ clientId: 1, staffId: dentist.id, roomId: chair1.id, start: rome(3, 3, 9), end: rome(3, 3, 10) });
    const other = await api['appointments.conflicts']({
      create: { clientId: 2, staffId: dentist.id, roomId: chair2.id, start: rome(3, 3, 9, 45), end: rome(3, 3, 10, 15) },
    });
    expect(other.conflicts.map((c) => c.kind)).toEqual(['staff_busy']);
    const evening = await api['appointments.conflicts']({
      create: { clientId: 2, staffId: dentist.id, roomId: chair2.id, start: rome(3, 3, 18), end: rome(3, 3, 19) },
    });
    expect(evening.conflicts.map((c) => c.kind)).toEqual(['outside_working_hours']);
  });

  it('moves and resizes, checking conflicts against the others but not itself', async () => {
    const { core, api, dentist, chair1, chair2 } = await office();
    const a = (await api['appointments.create']({ clientId: 1, staffId: dentist.id, roomId: chair1.id, start: rome(3, 3, 9), end: rome(3, 3, 10) })).appointment;
    const b = (await api['appointments.create']({ clientId: 2, staffId: null, roomId: chair2.id, start: rome(3, 3, 11), end: rome(3, 3, 12) })).appointment;

    // Resizing into itself is fine.
    const resized = await api['appointments.update']({ id: a.id, changes: { end: rome(3, 3, 10, 30) } });
    expect(resized.appointment).toMatchObject({ start: rome(3, 3, 9), end: rome(3, 3, 10, 30) });

    // Moving B onto chair 1 at 10:00 hits A.
    const move = { id: b.id, changes: { start: rome(3, 3, 10), end: rome(3, 3, 11), roomId: chair1.id } };
    expect(await call(core, 'appointments.update', move)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await api['appointments.get']({ id: b.id })).room?.id).toBe(chair2.id);
    const moved = await api['appointments.update']({ ...move, confirmConflicts: true });
    expect(moved.appointment).toMatchObject({ room: { id: chair1.id }, start: rome(3, 3, 10) });
    expect(moved.conflicts.map((c) => c.kind)).toEqual(['room_busy']);

    // A status change on an appointment whose conflict was accepted is not refused again.
    expect((await api['appointments.update']({ id: b.id, changes: { status: 'confirmed' } })).appointment.status).toBe('confirmed');
  });

  it('frees the slot of a cancelled appointment, and checks again when it is reinstated', async () => {
    const { core, api, dentist, hygienist, chair1 } = await office();
    const a = (await api['appointments.create']({ clientId: 1, staffId: dentist.id, roomId: chair1.id, start: rome(3, 3, 9), end: rome(3, 3, 10) })).appointment;
    await api['appointments.update']({ id: a.id, changes: { status: 'cancelled' } });
    await api['appointments.create']({ clientId: 2, staffId: hygienist.id, roomId: chair1.id, start: rome(3, 3, 9), end: rome(3, 3, 10) });
    expect(await call(core, 'appointments.update', { id: a.id, changes: { status: 'booked' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('counts no-shows on the client', async () => {
    const { api, dentist, chair1 } = await office();
    for (const day of [3, 4, 5]) {
      const { appointment } = await api['appointments.create']({ clientId: 1, staffId: dentist.id, roomId: chair1.id, start: rome(3, day, 9), end: rome(3, day, 10) });
      if (day < 5) await api['appointments.update']({ id: appointment.id, changes: { status: 'no_show' } });
    }
    expect(await api['appointments.clientStats']({ clientId: 1 })).toEqual({ total: 3, upcoming: 3, noShows: 2, cancelled: 0 });
    const { items } = await api['appointments.list']({ from: rome(3, 5, 0), to: rome(3, 6, 0) });
    expect((await api['appointments.get']({ id: items[0]!.id })).client.noShows).toBe(2);
  });

  it('refuses an unknown client, staff member or room, and an end before the start', async () => {
    const { core, dentist } = await office();
    const base = { clientId: 1, staffId: dentist.id, roomId: null, start: rome(3, 3, 9), end: rome(3, 3, 10) };
    expect(await call(core, 'appointments.create', { ...base, clientId: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'clientId' } });
    expect(await call(core, 'appointments.create', { ...base, staffId: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'staffId' } });
    expect(await call(core, 'appointments.create', { ...base, roomId: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'roomId' } });
    expect(await call(core, 'appointments.create', { ...base, end: base.start })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'end' } });
    expect(await call(core, 'appointments.update', { id: 42, changes: { notes: 'x' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('calendar API: recurring appointments', () => {
  const hhmm = (instant: number) => {
    const local = utcToZoned(instant, ROME);
    return `${String(local.day)}/${String(local.month)} ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  };

  async function weeklySeries() {
    const setup = await office();
    const result = await setup.api['appointments.create']({
      clientId: 1,
      staffId: setup.dentist.id,
      roomId: setup.chair1.id,
      start: rome(3, 19, 9),
      end: rome(3, 19, 9, 30),
      recurrence: { frequency: 'weekly', interval: 1, count: 4 },
    });
    const { items } = await setup.api['appointments.list']({ from: rome(3, 16, 0), to: rome(4, 20, 0) });
    return { ...setup, result, items };
  }

  it('books a weekly series at 09:00 on both sides of the March change, as one series', async () => {
    const { result, items, events } = await weeklySeries();
    expect(result.count).toBe(4);
    expect(result.appointment.series).toMatchObject({ position: 1, count: 4 });
    expect(items.map((i) => hhmm(i.start))).toEqual(['19/3 09:00', '26/3 09:00', '2/4 09:00', '9/4 09:00']);
    expect(new Set(items.map((i) => i.seriesId)).size).toBe(1);
    expect(items[0]!.seriesId).not.toBeNull();
    expect(events[0]).toEqual({ event: 'appointments.changed', payload: { ids: items.map((i) => i.id) } });
  });

  it('refuses the whole series when one occurrence conflicts, and books none', async () => {
    const { core, api, hygienist, chair2, dentist } = await office();
    await api['appointments.create']({ clientId: 2, staffId: hygienist.id, roomId: chair2.id, start: rome(3, 26, 9), end: rome(3, 26, 10) });
    const series = {
      clientId: 1,
      staffId: dentist.id,
      roomId: chair2.id,
      start: rome(3, 19, 9),
      end: rome(3, 19, 9, 30),
      recurrence: { frequency: 'weekly' as const, interval: 1, count: 3 },
    };
    expect(await call(core, 'appointments.create', series)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const { conflicts } = await api['appointments.conflicts']({ create: series });
    expect(conflicts.map((c) => [c.kind, hhmm(c.start)])).toEqual([['room_busy', '26/3 09:00']]);
    expect((await api['appointments.list']({ from: rome(3, 16, 0), to: rome(4, 20, 0) })).items).toHaveLength(1);
  });

  it('moves this and the following by the same wall time and splits them into a series of their own', async () => {
    const { api, items } = await weeklySeries();
    const third = items[2]!;
    const { appointment, count } = await api['appointments.update']({
      id: items[1]!.id,
      scope: 'following',
      changes: { start: rome(3, 26, 10, 30), end: rome(3, 26, 11, 15) },
    });
    expect(count).toBe(3);
    expect(appointment.series).toMatchObject({ position: 1, count: 3 });
    const after = (await api['appointments.list']({ from: rome(3, 16, 0), to: rome(4, 20, 0) })).items;
    expect(after.map((i) => `${hhmm(i.start)}–${hhmm(i.end).slice(-5)}`)).toEqual([
      '19/3 09:00–09:30',
      '26/3 10:30–11:15',
      '2/4 10:30–11:15',
      '9/4 10:30–11:15',
    ]);
    expect(after[0]!.seriesId).not.toBe(after[1]!.seriesId);
    expect((await api['appointments.get']({ id: items[0]!.id })).series).toBeNull();
    expect((await api['appointments.get']({ id: third.id })).series).toMatchObject({ position: 2, count: 3 });
  });

  it('edits one occurrence alone, and cancels or deletes this and following', async () => {
    const { api, items } = await weeklySeries();
    await api['appointments.update']({ id: items[1]!.id, changes: { notes: 'Solo questa volta' } });
    const cancelled = await api['appointments.update']({ id: items[2]!.id, scope: 'following', changes: { status: 'cancelled' } });
    expect(cancelled.count).toBe(2);
    let after = (await api['appointments.list']({ from: rome(3, 16, 0), to: rome(4, 20, 0) })).items;
    expect(after.map((i) => [i.status, i.notes])).toEqual([
      ['booked', ''],
      ['booked', 'Solo questa volta'],
      ['cancelled', ''],
      ['cancelled', ''],
    ]);
    expect(await api['appointments.delete']({ id: items[1]!.id, scope: 'following' })).toEqual({ count: 3 });
    after = (await api['appointments.list']({ from: rome(3, 16, 0), to: rome(4, 20, 0) })).items;
    expect(after.map((i) => i.id)).toEqual([items[0]!.id]);
  });
});

describe('calendar API: audit', () => {
  it('records every change by id, never a name or a note', async () => {
    const { core, api, dentist, chair1 } = await office();
    await api['appointments.create']({ clientId: 1, staffId: dentist.id, roomId: chair1.id, start: rome(3, 3, 9), end: rome(3, 3, 10), notes: 'Dolore al molare' });
    const raw = await SqliteConnection.open(databasePathIn(core.dataDir), 'readonly');
    const rows = await raw.all<{ action: string; detail: string | null }>('SELECT action, detail FROM audit_log ORDER BY id');
    await raw.close();
    expect(rows.map((r) => r.action)).toEqual(['staff.create', 'staff.create', 'room.create', 'room.create', 'appointment.create']);
    expect(JSON.stringify(rows)).not.toMatch(/Rossi|Bianchi|molare/);
  });
});
