import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type Core } from '../../src-main/app/create-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { invokeMethod } from '../../src-main/app/invoke';
import { silentLogger } from '../../src-main/app/logger';
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/contract/methods';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { tempDir } from '../support/temp-dir';

const NOW = Date.UTC(2026, 10, 24, 9, 0);
const HOUR = 3600_000;

async function openCore(): Promise<Core> {
  const core = await createCore({ dataDir: join(await tempDir(), 'data'), log: silentLogger, systemTimeZone: 'Europe/Rome', clock: { now: () => NOW } });
  onTestFinished(() => core.dispose());
  return core;
}

/** Through the bridge's own path: input validation, handler, output check. */
async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>) {
  return invokeMethod(core.api, method, input, silentLogger) as Promise<
    { ok: true; value: MethodOutput<M> } | { ok: false; error: { code: string; message: string; field?: string } }
  >;
}

async function ok<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await call(core, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Plain SQL on the same file, for what other modules write (appointments, messages, consents) and for checks. */
async function sql(core: Core) {
  const db = await SqliteConnection.open(databasePathIn(core.dataDir), 'readwrite-create');
  onTestFinished(() => db.close());
  return db;
}

describe('clients API against a real database', () => {
  it('create: stores the mobile as E.164, returns the row, and audits by id only', async () => {
    const core = await openCore();
    const created = await ok(core, 'clients.create', { firstName: ' Mario ', lastName: 'Rossi', mobile: '333 123 4567', email: '', notes: 'allergico' });
    expect(created).toEqual({
      id: 1, firstName: 'Mario', lastName: 'Rossi', mobile: '+393331234567', mobileDisplay: '+39 333 123 4567',
      email: null, language: 'it', smsOptOut: false, archived: false,
    });
    const audit = await (await sql(core)).all('SELECT at, actor, action, entity, entity_id, detail FROM audit_log');
    expect(audit).toEqual([{ at: NOW, actor: 'office', action: 'client.create', entity: 'client', entity_id: 1, detail: null }]);
  });

  it('create: a new client gets the office language unless given one', async () => {
    const core = await openCore();
    await ok(core, 'settings.update', { language: 'en' });
    expect((await ok(core, 'clients.create', { lastName: 'Miller' })).language).toBe('en');
    expect((await ok(core, 'clients.create', { lastName: 'Rossi', language: 'it' })).language).toBe('it');
  });

  it.each([
    [{ lastName: 'Rossi', mobile: '06 1234 5678' }, 'mobile', /landline/],
    [{ lastName: 'Rossi', mobile: '333 12' }, 'mobile', /too few digits/],
    [{ lastName: '  ' }, 'lastName', /must not be empty/],
    [{ lastName: 'Rossi', email: 'mario@' }, 'email', /not an e-mail address/],
    [{ lastName: 'Rossi', language: 'de' }, 'language', /./],
  ] as const)('create: refuses %j naming the field', async (input, field, message) => {
    const core = await openCore();
    const result = await call(core, 'clients.create', input as MethodInput<'clients.create'>);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field } });
    expect(result.ok ? '' : result.error.message).toMatch(message);
    expect((await ok(core, 'clients.list', {})).total).toBe(0);
  });

  it('a mobile already in use: CONFLICT on "mobile", who has it, and saving anyway on request', async () => {
    const core = await openCore();
    const first = await ok(core, 'clients.create', { firstName: 'Mario', lastName: 'Rossi', mobile: '+39 333 123 4567' });
    const again = await call(core, 'clients.create', { firstName: 'Maria', lastName: 'Rossi', mobile: '0039 3331234567' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'mobile' } });
    expect(again.ok ? '' : again.error.message).not.toContain('Mario');

    const check = await ok(core, 'clients.checkMobile', { mobile: '333 1234567' });
    expect(check).toMatchObject({ ok: true, e164: '+393331234567', display: '+39 333 123 4567', duplicates: [{ id: first.id, firstName: 'Mario' }] });
    expect(await ok(core, 'clients.checkMobile', { mobile: '333 1234567', excludeId: first.id })).toMatchObject({ duplicates: [] });
    expect(await ok(core, 'clients.checkMobile', { mobile: '06 1234 5678' })).toMatchObject({ ok: false, problem: 'not_mobile' });
    expect(await ok(core, 'clients.checkMobile', { mobile: ' ' })).toEqual({ ok: true, e164: null, display: null, duplicates: [] });

    const second = await ok(core, 'clients.create', { firstName: 'Maria', lastName: 'Rossi', mobile: '3331234567', allowDuplicate: true });
    expect(second.mobile).toBe('+393331234567');
    // An accepted duplicate is not asked about again when other fields change.
    expect(await ok(core, 'clients.update', { id: second.id, changes: { notes: 'sorella' } })).toMatchObject({ id: second.id });
  });

  it('update: changes only what is given, audits the field names, refuses a taken mobile', async () => {
    const core = await openCore();
    const mario = await ok(core, 'clients.create', { firstName: 'Mario', lastName: 'Rossi', mobile: '3331234567' });
    const anna = await ok(core, 'clients.create', { firstName: 'Anna', lastName: 'Bianchi', mobile: '3479876543' });
    const updated = await ok(core, 'clients.update', { id: anna.id, changes: { lastName: 'Verdi', email: 'anna@example.it', mobile: null } });
    expect(updated).toMatchObject({ firstName: 'Anna', lastName: 'Verdi', email: 'anna@example.it', mobile: null });
    expect(await call(core, 'clients.update', { id: anna.id, changes: { mobile: '333 123 4567' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'mobile' },
    });
    expect(await call(core, 'clients.update', { id: 99, changes: { notes: 'x' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(core, 'clients.update', { id: mario.id, changes: {} })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const audit = await (await sql(core)).all<{ action: string; detail: string | null }>('SELECT action, detail FROM audit_log WHERE entity_id = ?', [anna.id]);
    expect(audit).toEqual([
      { action: 'client.create', detail: null },
      { action: 'client.update', detail: 'fields: lastName,mobile,email' },
    ]);
  });

  it('archive takes a client out of the list and the search, unarchive brings them back', async () => {
    const core = await openCore();
    const mario = await ok(core, 'clients.create', { firstName: 'Mario', lastName: 'Rossi', mobile: '3331234567' });
    await ok(core, 'clients.create', { firstName: 'Anna', lastName: 'Rossini' });
    expect(await ok(core, 'clients.archive', { id: mario.id, archived: true })).toMatchObject({ archived: true });
    const names = async (input: MethodInput<'clients.list'>) => (await ok(core, 'clients.list', input)).items.map((c) => c.lastName);
    expect(await names({ query: 'ross' })).toEqual(['Rossini']);
    expect(await names({ query: '333' })).toEqual([]);
    expect(await names({ query: 'ross', archived: true })).toEqual(['Rossi']);
    expect(await names({ archived: true })).toEqual(['Rossi']);
    await ok(core, 'clients.archive', { id: mario.id, archived: false });
    expect(await names({ query: 'ross' })).toEqual(['Rossi', 'Rossini']);
    const actions = await (await sql(core)).all<{ action: string }>('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id', [mario.id]);
    expect(actions.map((a) => a.action)).toEqual(['client.create', 'client.archive', 'client.unarchive']);
  });

  it('list: every word must match; sorts by last name, first name or newest; pages with a total', async () => {
    const core = await openCore();
    const people: [string, string, string | null][] = [
      ['Mario', 'Rossi', '3331112222'], ['Anna', 'Rossini', '3478889999'], ['Luca', 'Bianchi', '3335556666'],
      ['Rosa', 'Verdi', null], ['Nicolò', "D'Angelo", '3201234567'], ['Zeno', 'Abate', null],
    ];
    for (const [firstName, lastName, mobile] of people) await ok(core, 'clients.create', { firstName, lastName, mobile });
    const names = async (input: MethodInput<'clients.list'>) => (await ok(core, 'clients.list', input)).items.map((c) => c.lastName);
    expect(await names({ query: 'ross 333' })).toEqual(['Rossi']);
    expect(await names({ query: 'ros' })).toEqual(['Rossi', 'Rossini', 'Verdi']);
    expect(await names({ query: '5556' })).toEqual(['Bianchi']);
    expect(await names({ query: 'nicolo ange' })).toEqual(["D'Angelo"]);
    expect(await names({ query: '+39 320' })).toEqual(["D'Angelo"]);
    expect(await names({})).toEqual(['Abate', 'Bianchi', "D'Angelo", 'Rossi', 'Rossini', 'Verdi']);
    expect(await names({ sort: 'firstName' })).toEqual(['Rossini', 'Bianchi', 'Rossi', "D'Angelo", 'Verdi', 'Abate']);
    expect(await names({ sort: 'newest', limit: 2 })).toEqual(['Abate', "D'Angelo"]);
    const page = await ok(core, 'clients.list', { limit: 2, offset: 4 });
    expect(page.total).toBe(6);
    expect(page.items.map((c) => c.lastName)).toEqual(['Rossini', 'Verdi']);
  });

  it('get: details, upcoming and past appointments, no-shows, messages both ways, the latest consent per purpose', async () => {
    const core = await openCore();
    const mario = await ok(core, 'clients.create', { firstName: 'Mario', lastName: 'Rossi', mobile: '3331234567', notes: 'allergico' });
    const db = await sql(core);
    await db.exec(`INSERT INTO staff (id, display_name, created_at, updated_at) VALUES (1, 'Dott. Bianchi', 0, 0);
      INSERT INTO rooms (id, name, created_at, updated_at) VALUES (1, 'Poltrona 1', 0, 0);`);
    const appointment = (start: number, status: string) =>
      db.run('INSERT INTO appointments (client_id, staff_id, room_id, start_at, end_at, status, created_at, updated_at) VALUES (?, 1, 1, ?, ?, ?, 0, 0)', [
        mario.id, start, start + HOUR, status,
      ]);
    await appointment(NOW - 48 * HOUR, 'done');
    await appointment(NOW - 24 * HOUR, 'no_show');
    await appointment(NOW + 24 * HOUR, 'booked');
    await appointment(NOW + 2 * HOUR, 'confirmed');
    await db.run(
      `INSERT INTO messages (client_id, kind, to_phone, body, encoding, segments, state, due_at, next_attempt_at, created_at, updated_at, delivered_at)
       VALUES (?, 'reminder', '+393331234567', 'Promemoria: domani alle 10', 'gsm7', 1, 'delivered', ?, ?, 0, 0, ?)`,
      [mario.id, NOW - 30 * HOUR, NOW - 30 * HOUR, NOW - 29 * HOUR],
    );
    await db.run(`INSERT INTO inbound_messages (from_phone, body, received_at, transport, client_id, interpretation) VALUES ('+393331234567', 'OK', ?, 'simulator', ?, 'confirm')`, [
      NOW - 28 * HOUR, mario.id,
    ]);
    for (const [granted, at] of [[1, 1], [0, 2]] as const) {
      await db.run(`INSERT INTO consents (client_id, purpose, granted, method, recorded_by, recorded_at) VALUES (?, 'reminders', ?, 'paper', 'office', ?)`, [
        mario.id, granted, at,
      ]);
    }

    const detail = await ok(core, 'clients.get', { id: mario.id });
    expect(detail.client).toMatchObject({ id: mario.id, notes: 'allergico', createdAt: NOW, archivedAt: null, mobileDisplay: '+39 333 123 4567' });
    expect(detail.upcoming.map((a) => a.start)).toEqual([NOW + 2 * HOUR, NOW + 24 * HOUR]);
    expect(detail.upcoming[0]).toMatchObject({ status: 'confirmed', staffName: 'Dott. Bianchi', roomName: 'Poltrona 1' });
    expect(detail.past.map((a) => a.status)).toEqual(['no_show', 'done']);
    expect(detail.pastTotal).toBe(2);
    expect(detail.noShows).toBe(1);
    expect(detail.messages).toEqual([
      { direction: 'in', at: NOW - 28 * HOUR, body: 'OK', state: 'confirm' },
      { direction: 'out', at: NOW - 29 * HOUR, body: 'Promemoria: domani alle 10', state: 'delivered' },
    ]);
    expect(detail.consents).toEqual([{ purpose: 'reminders', granted: false, method: 'paper', recordedAt: 2 }]);

    expect(await call(core, 'clients.get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await db.run('UPDATE clients SET erased_at = 1 WHERE id = ?', [mario.id]);
    expect(await call(core, 'clients.get', { id: mario.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it("exportIcs: the client's appointments in UTC, in the client's language", async () => {
    const core = await openCore();
    await ok(core, 'settings.update', { officeName: 'Studio Sorriso' });
    const mario = await ok(core, 'clients.create', { firstName: 'Nicolò', lastName: "D'Angelo", language: 'it' });
    const db = await sql(core);
    await db.run("INSERT INTO staff (id, display_name, created_at, updated_at) VALUES (1, 'Dott.ssa Ferri', 0, 0)");
    // 30 March 2026, 10:00 in Rome (summer time): 08:00 UTC.
    await db.run("INSERT INTO appointments (client_id, staff_id, start_at, end_at, status, created_at, updated_at) VALUES (?, 1, ?, ?, 'booked', 7, 7)", [
      mario.id, Date.UTC(2026, 2, 30, 8), Date.UTC(2026, 2, 30, 8, 30),
    ]);
    const file = await ok(core, 'clients.exportIcs', { id: mario.id });
    expect(file.fileName).toBe('appuntamenti-d-angelo-nicolo.ics');
    expect(file.mimeType).toBe('text/calendar');
    const lines = file.content.split('\r\n');
    expect(lines).toContain('DTSTART:20260330T080000Z');
    expect(lines).toContain('SUMMARY:Studio Sorriso: Appuntamento con Dott.ssa Ferri');
    expect(lines).toContain('UID:appointment-1-7@promemoria');
  });

  it('exportCsv: the active list for Excel, and the archived one apart', async () => {
    const core = await openCore();
    await ok(core, 'clients.create', { firstName: 'Mario', lastName: 'Rossi', mobile: '3331234567' });
    const anna = await ok(core, 'clients.create', { firstName: 'Anna', lastName: 'Bianchi' });
    await ok(core, 'clients.archive', { id: anna.id, archived: true });
    const active = await ok(core, 'clients.exportCsv', {});
    expect(active).toMatchObject({ fileName: 'clients-2026-11-24.csv', mimeType: 'text/csv', rows: 1 });
    expect(active.content).toBe('\uFEFFCognome;Nome;Cellulare;Email;Lingua;Note;No SMS\r\nRossi;Mario;333 123 4567;;it;;\r\n');
    expect((await ok(core, 'clients.exportCsv', { archived: true })).content).toContain('Bianchi;Anna;');
  });
});
