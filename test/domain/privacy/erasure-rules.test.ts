import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../../src-main/app/create-core';
import { databasePathIn } from '../../../src-main/app/data-dir';
import { invokeMethod } from '../../../src-main/app/invoke';
import { silentLogger } from '../../../src-main/app/logger';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-main/contract/methods';
import { SqliteConnection } from '../../../src-main/db/sqlite-connection';
import { namesThePerson } from '../../../src-main/domain/privacy/erasure-service';
import { DAY, HOUR, MINUTE, rome } from '../../support/engine-office';
import { tempDir } from '../../support/temp-dir';

type Result<M extends MethodName> = { ok: true; value: MethodOutput<M> } | { ok: false; error: { code: string; message: string; field?: string } };

/** A core with no SMS channel on a clock the test sets; plain SQL beside it for what other modules write. */
async function office(start: number) {
  let now = start;
  const core = await createCore({
    dataDir: join(await tempDir(), 'data'),
    log: silentLogger,
    systemTimeZone: 'Europe/Rome',
    clock: { now: () => now },
    startSms: false,
  });
  onTestFinished(() => core.dispose());
  const sql = await SqliteConnection.open(databasePathIn(core.dataDir), 'readwrite-create');
  sql.setBusyTimeout(5000);
  onTestFinished(() => sql.close());
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) => invokeMethod(core.api, method, input, silentLogger) as Promise<Result<M>>;
  const ok = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const message = (clientId: number | null, to: string, state = 'delivered') =>
    sql.run(
      `INSERT INTO messages (client_id, kind, to_phone, body, encoding, segments, state, due_at, next_attempt_at, created_at, updated_at)
       VALUES (?, 'manual', ?, 'Gentile cliente', 'gsm7', 1, ?, ?, ?, ?, ?)`,
      [clientId, to, state, now, now, now, now],
    );
  const reply = (clientId: number | null, from: string) =>
    sql.run(`INSERT INTO inbound_messages (from_phone, body, received_at, transport, client_id) VALUES (?, 'Sì', ?, 'simulator', ?)`, [from, now, clientId]);
  return { core, sql, call, ok, message, reply, setNow: (at: number) => (now = at) };
}

const NOW = rome(11, 24, 10); // Tuesday 24 November 2026, 10:00 in Rome
const MARIO = '+393331112222';
const ANNA = '+393335556666';

describe('legal hold', () => {
  it('blocks erasure with a CONFLICT quoting its reason and date, through its last day; the day after, erasure goes ahead', async () => {
    const o = await office(NOW);
    const mario = await o.ok('clients.create', { firstName: 'Mario', lastName: 'Rossi', mobile: MARIO });
    await o.message(mario.id, MARIO);
    const hold = await o.ok('privacy.hold.set', { clientId: mario.id, until: '2026-11-30', reason: 'cartella clinica: 10 anni' });
    expect(hold).toEqual({ clientId: mario.id, until: '2026-11-30', reason: 'cartella clinica: 10 anni', active: true });
    expect((await o.ok('privacy.erase.preview', { clientId: mario.id })).hold).toEqual(hold);
    expect(await o.ok('privacy.hold.get', { clientId: mario.id })).toEqual(hold);

    // The last day of the hold, one minute before midnight in Rome: still held.
    o.setNow(rome(11, 30, 23, 59));
    const refused = await o.call('privacy.erase', { clientId: mario.id, reason: 'Richiesta Art. 17' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toContain('2026-11-30');
    expect(message).toContain('cartella clinica: 10 anni');
    // Nothing changed.
    expect((await o.ok('clients.get', { id: mario.id })).client.lastName).toBe('Rossi');
    expect(await o.sql.get('SELECT count(*) AS n FROM messages')).toEqual({ n: 1 });
    expect(await o.sql.get(`SELECT count(*) AS n FROM audit_log WHERE action = 'privacy.erase'`)).toEqual({ n: 0 });

    // The next day in Rome (still 30 November in UTC): the hold has run out.
    o.setNow(rome(12, 1, 0, 0));
    expect((await o.ok('privacy.erase.preview', { clientId: mario.id })).hold).toMatchObject({ active: false });
    expect((await o.ok('privacy.hold.list', {}))).toEqual([{ clientId: mario.id, name: 'Rossi Mario', until: '2026-11-30', reason: 'cartella clinica: 10 anni', active: false }]);
    const erased = await o.ok('privacy.erase', { clientId: mario.id, reason: 'Richiesta Art. 17' });
    expect(erased.counts.messages).toBe(1);
    // The expired hold went with the rest of the row.
    expect(await o.sql.get('SELECT hold_until, hold_reason FROM clients WHERE id = ?', [mario.id])).toEqual({ hold_until: null, hold_reason: null });
    expect(await o.ok('privacy.hold.list', {})).toEqual([]);
  });

  it('a date already past is refused; clearing lifts the block; both are audited by id and date only', async () => {
    const o = await office(NOW);
    const mario = await o.ok('clients.create', { firstName: 'Mario', lastName: 'Rossi' });
    expect(await o.call('privacy.hold.set', { clientId: mario.id, until: '2026-11-23', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'until' },
    });
    expect(await o.call('privacy.hold.set', { clientId: mario.id, until: '2026-02-30', reason: 'x' })).toMatchObject({ ok: false, error: { field: 'until' } });
    expect(await o.call('privacy.hold.set', { clientId: mario.id, until: '2036-11-24', reason: '  ' })).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect(await o.call('privacy.hold.set', { clientId: 999, until: '2036-11-24', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await o.ok('privacy.hold.set', { clientId: mario.id, until: '2036-11-24', reason: 'Contenzioso in corso' });
    expect(await o.call('privacy.erase', { clientId: mario.id, reason: 'Richiesta Art. 17' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await o.ok('privacy.hold.clear', { clientId: mario.id });
    expect(await o.ok('privacy.hold.get', { clientId: mario.id })).toBeNull();
    await o.ok('privacy.erase', { clientId: mario.id, reason: 'Richiesta Art. 17' });

    const audit = await o.sql.all<{ action: string; entity_id: number; detail: string | null }>(
      `SELECT action, entity_id, detail FROM audit_log WHERE action LIKE 'privacy.%' ORDER BY id`,
    );
    expect(audit.map((row) => [row.action, row.entity_id])).toEqual([
      ['privacy.hold.set', mario.id],
      ['privacy.hold.clear', mario.id],
      ['privacy.erase', mario.id],
    ]);
    expect(audit[0]?.detail).toBe('{"until":"2036-11-24"}');
    expect(audit.map((row) => row.detail ?? '').join(' ')).not.toMatch(/Contenzioso|Rossi|Mario/);
  });
});

describe('erasure rules', () => {
  it('refuses a reason that names the person (it stays in the audit log), and erases nothing', async () => {
    const o = await office(NOW);
    const mario = await o.ok('clients.create', { firstName: 'Nicolò', lastName: 'De Luca', mobile: MARIO, email: 'nicolo.deluca@example.it' });
    for (const reason of ['Richiesta di Nicolo De Luca', 'richiesta del sig. DE LUCA', 'chiamata dal 333 111 2222', 'mail da nicolo.deluca']) {
      expect(await o.call('privacy.erase', { clientId: mario.id, reason })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'reason' } });
    }
    expect(await o.call('privacy.erase', { clientId: mario.id, reason: 'ok' })).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect((await o.ok('clients.get', { id: mario.id })).client.firstName).toBe('Nicolò');
    expect(namesThePerson('Richiesta dell’interessato, Art. 17, del 20/11/2026', { first_name: 'Nicolò', last_name: 'De Luca', mobile: MARIO, email: null })).toBe(false);
  });

  it('waits while a message to the client is with the SMS channel', async () => {
    const o = await office(NOW);
    const mario = await o.ok('clients.create', { firstName: 'Mario', lastName: 'Rossi', mobile: MARIO });
    await o.message(mario.id, MARIO, 'sending');
    expect((await o.ok('privacy.erase.preview', { clientId: mario.id })).sending).toBe(1);
    const refused = await o.call('privacy.erase', { clientId: mario.id, reason: 'Richiesta Art. 17' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/being handed to the SMS channel/);
  });

  it("takes the replies and messages of her numbers that are linked to no one; a number another client has stays, with that client's messages", async () => {
    const o = await office(NOW);
    const mario = await o.ok('clients.create', { firstName: 'Mario', lastName: 'Rossi', mobile: MARIO });
    // Anna shares a number with Mario's family: the same mobile on both records.
    const anna = await o.ok('clients.create', { firstName: 'Anna', lastName: 'Rossi', mobile: ANNA });
    const giulia = await o.ok('clients.create', { firstName: 'Giulia', lastName: 'Rossi', mobile: ANNA, allowDuplicate: true });
    await o.message(mario.id, MARIO);
    await o.message(null, MARIO); // a test SMS typed by hand to Mario's number
    await o.reply(null, MARIO); // a reply from Mario's number that matched no appointment
    await o.message(null, '+393339990000'); // someone else's
    await o.message(anna.id, ANNA);
    await o.message(giulia.id, ANNA);
    await o.reply(giulia.id, ANNA);
    await o.reply(null, ANNA);

    const preview = await o.ok('privacy.erase.preview', { clientId: mario.id });
    expect(preview.counts).toMatchObject({ messages: 2, replies: 1 });
    await o.ok('privacy.erase', { clientId: mario.id, reason: 'Richiesta Art. 17' });
    expect(await o.sql.all('SELECT client_id, to_phone FROM messages ORDER BY id')).toEqual([
      { client_id: null, to_phone: '+393339990000' },
      { client_id: anna.id, to_phone: ANNA },
      { client_id: giulia.id, to_phone: ANNA },
    ]);

    // Giulia is erased; Anna still has the number: Giulia's own rows go, the number and Anna's rows stay.
    expect((await o.ok('privacy.erase.preview', { clientId: giulia.id })).counts).toMatchObject({ messages: 1, replies: 1 });
    await o.ok('privacy.erase', { clientId: giulia.id, reason: 'Richiesta Art. 17' });
    expect(await o.sql.all('SELECT client_id, to_phone FROM messages ORDER BY id')).toEqual([
      { client_id: null, to_phone: '+393339990000' },
      { client_id: anna.id, to_phone: ANNA },
    ]);
    expect(await o.sql.all('SELECT client_id, from_phone FROM inbound_messages ORDER BY id')).toEqual([{ client_id: null, from_phone: ANNA }]);
  });

  it('keeps past appointments without notes, deletes the ones from now on, and refuses a second erasure', async () => {
    const o = await office(NOW);
    const mario = await o.ok('clients.create', { firstName: 'Mario', lastName: 'Rossi' });
    const book = async (start: number) =>
      (await o.ok('appointments.create', { clientId: mario.id, staffId: null, roomId: null, start, end: start + 30 * MINUTE, notes: 'Mario: dolore 36' })).appointment.id;
    const lastYear = await book(NOW - 365 * DAY);
    const thisMorning = await book(NOW - HOUR);
    await book(NOW); // starting this very minute: deleted with the future ones
    await book(NOW + DAY);
    expect((await o.ok('privacy.erase.preview', { clientId: mario.id })).counts).toMatchObject({ pastAppointments: 2, futureAppointments: 2 });
    await o.ok('privacy.erase', { clientId: mario.id, reason: 'Richiesta Art. 17' });
    expect(await o.sql.all('SELECT id, client_id, notes FROM appointments ORDER BY id')).toEqual([
      { id: lastYear, client_id: mario.id, notes: '' },
      { id: thisMorning, client_id: mario.id, notes: '' },
    ]);
    expect(await o.call('privacy.erase', { clientId: mario.id, reason: 'Richiesta Art. 17' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await o.call('privacy.erase.preview', { clientId: mario.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await o.call('clients.get', { id: mario.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await o.call('privacy.erase', { clientId: 999, reason: 'Richiesta Art. 17' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('deletes evidence files inside the data folder only, and counts the ones it left', async () => {
    const o = await office(NOW);
    const mario = await o.ok('clients.create', { firstName: 'Mario', lastName: 'Rossi' });
    const consent = (path: string) =>
      o.sql.run(
        `INSERT INTO consents (client_id, purpose, granted, method, recorded_by, recorded_at, evidence_path) VALUES (?, 'reminders', 1, 'paper', 'office', ?, ?)`,
        [mario.id, NOW, path],
      );
    await consent('evidence/1/missing-already.pdf');
    await consent('../outside.pdf');
    await consent('/etc/hostname');
    const result = await o.ok('privacy.erase', { clientId: mario.id, reason: 'Richiesta Art. 17' });
    expect(result.counts.evidenceFiles).toBe(3);
    expect(result.evidenceFilesLeft).toBe(2);
  });
});
