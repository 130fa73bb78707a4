import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type Core } from '../../src-main/app/create-core';
import { backupsDirIn, databasePathIn } from '../../src-main/app/data-dir';
import { invokeMethod } from '../../src-main/app/invoke';
import { silentLogger } from '../../src-main/app/logger';
import type { EventEnvelope } from '../../src-main/contract/events';
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/contract/methods';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { tempDir } from '../support/temp-dir';

const NOW = Date.UTC(2026, 10, 24, 9, 0); // 24 November 2026, 10:00 in Rome
const DAY = 86_400_000;

async function openCore(): Promise<Core> {
  const core = await createCore({ dataDir: join(await tempDir(), 'data'), log: silentLogger, systemTimeZone: 'Europe/Rome', clock: { now: () => NOW }, startSms: false });
  onTestFinished(() => core.dispose());
  return core;
}

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

async function sql(core: Core) {
  const db = await SqliteConnection.open(databasePathIn(core.dataDir), 'readwrite-create');
  onTestFinished(() => db.close());
  return db;
}

describe('erasure API against a real database', () => {
  it('preview names the client and counts what goes and what stays; erase does it, says so in events, and the client leaves the list', async () => {
    const core = await openCore();
    const db = await sql(core);
    const mario = await ok(core, 'clients.create', { firstName: 'Mario', lastName: 'Rossi', mobile: '333 111 2222', email: 'mario@example.it' });
    const anna = await ok(core, 'clients.create', { firstName: 'Anna', lastName: 'Bianchi' });
    const book = async (start: number) =>
      (await ok(core, 'appointments.create', { clientId: mario.id, staffId: null, roomId: null, start, end: start + 1800_000 })).appointment.id;
    const past = await book(NOW - 30 * DAY);
    const future = await book(NOW + 2 * DAY);
    await db.run(
      `INSERT INTO messages (client_id, kind, to_phone, body, encoding, segments, state, due_at, next_attempt_at, created_at, updated_at)
       VALUES (?, 'manual', '+393331112222', 'Gentile Mario', 'gsm7', 1, 'delivered', 0, 0, 0, 0)`,
      [mario.id],
    );
    await db.run(`INSERT INTO inbound_messages (from_phone, body, received_at, transport, client_id) VALUES ('+393331112222', 'Sì', 0, 'simulator', ?)`, [mario.id]);
    await mkdir(backupsDirIn(core.dataDir), { recursive: true });
    await writeFile(join(backupsDirIn(core.dataDir), 'before-upgrade-v3-to-v4.sqlite'), '');

    expect(await ok(core, 'privacy.erase.preview', { clientId: mario.id })).toEqual({
      clientId: mario.id,
      name: 'Rossi Mario',
      hold: null,
      sending: 0,
      counts: { messages: 1, replies: 1, futureAppointments: 1, pastAppointments: 1, consentRecords: 0, evidenceFiles: 0 },
      backups: 1,
    });

    const events: EventEnvelope[] = [];
    core.events.subscribe((event) => events.push(event));
    const result = await ok(core, 'privacy.erase', { clientId: mario.id, reason: '  Richiesta Art. 17 del 20/11  ' });
    expect(result).toEqual({
      clientId: mario.id,
      erasedAt: NOW,
      counts: { messages: 1, replies: 1, futureAppointments: 1, pastAppointments: 1, consentRecords: 0, evidenceFiles: 0 },
      evidenceFilesLeft: 0,
      fileScrubbed: true,
      backups: 1,
    });
    expect(events.map((e) => e.event).sort()).toEqual(['appointments.changed', 'clients.changed', 'inbox.changed', 'messages.changed']);
    expect(events.find((e) => e.event === 'appointments.changed')?.payload).toEqual({ ids: [future, past] });
    expect(JSON.parse((await db.get<{ detail: string }>(`SELECT detail FROM audit_log WHERE action = 'privacy.erase'`))?.detail ?? '')).toMatchObject({
      reason: 'Richiesta Art. 17 del 20/11',
    });

    expect((await ok(core, 'clients.list', {})).items.map((c) => c.id)).toEqual([anna.id]);
    expect((await ok(core, 'clients.list', { query: 'rossi' })).total).toBe(0);
    expect((await ok(core, 'clients.list', { query: 'bianchi' })).total).toBe(1);
    expect(await call(core, 'clients.get', { id: mario.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('validates its inputs naming the field', async () => {
    const core = await openCore();
    expect(await call(core, 'privacy.erase', { clientId: 1, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'reason' } });
    expect(await call(core, 'privacy.erase', { clientId: 1, reason: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect(await call(core, 'privacy.erase', { clientId: 0, reason: 'Richiesta' })).toMatchObject({ ok: false, error: { field: 'clientId' } });
    expect(await call(core, 'privacy.hold.set', { clientId: 1, until: '30/11/2026', reason: 'x' })).toMatchObject({ ok: false, error: { field: 'until' } });
    expect(await call(core, 'privacy.retention.update', { messageMonths: 0, repliesMonths: 24, auditYears: 5 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'messageMonths' },
    });
    expect(await call(core, 'privacy.retention.update', { messageMonths: 24, repliesMonths: 24 } as MethodInput<'privacy.retention.update'>)).toMatchObject({
      ok: false,
      error: { field: 'auditYears' },
    });
  });

  it('retention: get, update and run now; the last run is kept', async () => {
    const core = await openCore();
    expect(await ok(core, 'privacy.retention.get', {})).toEqual({ settings: { messageMonths: 24, repliesMonths: 24, auditYears: 5 }, lastRun: null });
    const updated = await ok(core, 'privacy.retention.update', { messageMonths: 12, repliesMonths: 6, auditYears: 10 });
    expect(updated.settings).toEqual({ messageMonths: 12, repliesMonths: 6, auditYears: 10 });
    const run = await ok(core, 'privacy.retention.run', {});
    expect(run).toMatchObject({ at: NOW, trigger: 'manual', removed: { messageTexts: 0, replies: 0, auditEntries: 0 }, heldBack: 0, fileScrubbed: true });
    expect(new Date(run.cutoffs.messageTexts).toISOString()).toBe('2025-11-23T23:00:00.000Z');
    expect(new Date(run.cutoffs.replies).toISOString()).toBe('2026-05-23T22:00:00.000Z');
    expect(new Date(run.cutoffs.auditLog).toISOString()).toBe('2016-11-23T23:00:00.000Z');
    expect((await ok(core, 'privacy.retention.get', {})).lastRun).toEqual(run);
  });
});
