import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type Core } from '../../src-main/app/create-core';
import { backupsDirIn, databasePathIn } from '../../src-main/app/data-dir';
import { invokeMethod } from '../../src-main/app/invoke';
import { silentLogger } from '../../src-main/app/logger';
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/contract/methods';
import { migrations } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open-database';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { apiCall as ok } from '../support/api-call';
import { tempDir } from '../support/temp-dir';

/** 24 November 2026, 09:00 UTC: 10:00 in Rome. */
const NOW = Date.UTC(2026, 10, 24, 9, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

async function openCore(): Promise<{ core: Core; clock: { now: number } }> {
  const clock = { now: NOW };
  const core = await createCore({
    dataDir: join(await tempDir(), 'data'),
    log: silentLogger,
    systemTimeZone: 'Europe/Rome',
    clock: { now: () => clock.now },
  });
  onTestFinished(() => core.dispose());
  return { core, clock };
}

async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>) {
  return invokeMethod(core.api, method, input, silentLogger) as Promise<
    { ok: true; value: MethodOutput<M> } | { ok: false; error: { code: string; message: string; field?: string } }
  >;
}

/** Plain SQL on the same file: for what other modules write, and for checks. */
async function sql(core: Core) {
  const db = await SqliteConnection.open(databasePathIn(core.dataDir), 'readwrite-create');
  onTestFinished(() => db.close());
  return db;
}

/** A small office history: two clients, an appointment, a settings change, over three days. */
async function history(core: Core, clock: { now: number }) {
  clock.now = NOW - 2 * DAY;
  const mario = await ok(core, 'clients.create', { firstName: 'Mario', lastName: 'Rossi', mobile: '333 123 4567' });
  clock.now = NOW - DAY;
  const anna = await ok(core, 'clients.create', { firstName: 'Anna', lastName: 'Bianchi' });
  const booked = await ok(core, 'appointments.create', { clientId: mario.id, staffId: null, roomId: null, start: NOW + DAY, end: NOW + DAY + 30 * MINUTE });
  clock.now = NOW;
  await ok(core, 'settings.update', { officeName: 'Studio Dentistico Sorriso' });
  await ok(core, 'clients.update', { id: anna.id, changes: { notes: 'allergica' } });
  return { mario, anna, appointmentId: booked.appointment.id };
}

describe('audit log viewer API against a real database', () => {
  it('lists newest first, with the client named by a live lookup, and pages', async () => {
    const { core, clock } = await openCore();
    const { mario, anna, appointmentId } = await history(core, clock);

    const all = await ok(core, 'audit.list', {});
    expect(all.total).toBe(5);
    expect(all.items.map((entry) => entry.action)).toEqual(['client.update', 'settings.update', 'appointment.create', 'client.create', 'client.create']);
    expect(all.items[0]).toEqual({
      id: 5, at: NOW, actor: 'office', action: 'client.update', entity: 'client', entityId: anna.id, detail: 'fields: notes',
      client: { id: anna.id, name: 'Bianchi Anna', erased: false },
    });
    // The appointment's entry names its client too; the settings entry names none.
    expect(all.items[2]).toMatchObject({ entity: 'appointment', entityId: appointmentId, client: { id: mario.id, name: 'Rossi Mario', erased: false } });
    expect(all.items[1]).toMatchObject({ action: 'settings.update', detail: 'officeName', client: null });

    const page = await ok(core, 'audit.list', { offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((entry) => entry.id)).toEqual([3, 2]);
    expect((await ok(core, 'audit.list', { offset: 4, limit: 2 })).items.map((entry) => entry.id)).toEqual([1]);
  });

  it('filters by action, actor, period, entity and client (the client and their appointments)', async () => {
    const { core, clock } = await openCore();
    const { mario, anna, appointmentId } = await history(core, clock);

    const created = await ok(core, 'audit.list', { action: 'client.create' });
    expect(created.total).toBe(2);
    expect(created.items.map((entry) => entry.entityId)).toEqual([anna.id, mario.id]);

    // [from, to): yesterday in full, nothing of the day before or of today.
    const yesterday = await ok(core, 'audit.list', { from: NOW - DAY, to: NOW });
    expect(yesterday.items.map((entry) => entry.action)).toEqual(['appointment.create', 'client.create']);
    expect((await ok(core, 'audit.list', { from: NOW })).total).toBe(2);
    expect((await ok(core, 'audit.list', { to: NOW - DAY })).items.map((entry) => entry.entityId)).toEqual([mario.id]);

    const aboutMario = await ok(core, 'audit.list', { clientId: mario.id });
    expect(aboutMario.items.map((entry) => [entry.action, entry.entity, entry.entityId])).toEqual([
      ['appointment.create', 'appointment', appointmentId],
      ['client.create', 'client', mario.id],
    ]);
    expect((await ok(core, 'audit.list', { entity: 'client', entityId: anna.id })).total).toBe(2);
    expect((await ok(core, 'audit.list', { entity: 'settings' })).total).toBe(1);
    expect((await ok(core, 'audit.list', { actor: 'system' })).total).toBe(0);
    expect((await ok(core, 'audit.list', { actor: 'office', action: 'client.update', clientId: mario.id })).total).toBe(0);

    expect(await ok(core, 'audit.actions', {})).toEqual({
      actions: ['appointment.create', 'client.create', 'client.update', 'settings.update'],
      actors: ['office'],
    });
  });

  it('shows an erased client as erased, never by name, and a missing one the same way', async () => {
    const { core, clock } = await openCore();
    const { mario } = await history(core, clock);
    const db = await sql(core);
    await db.run("UPDATE clients SET first_name = '', last_name = 'x', mobile = NULL, erased_at = ? WHERE id = ?", [NOW, mario.id]);
    const about = await ok(core, 'audit.list', { clientId: mario.id });
    expect(about.items.map((entry) => entry.client)).toEqual([
      { id: mario.id, name: null, erased: true },
      { id: mario.id, name: null, erased: true },
    ]);
    const csv = await ok(core, 'audit.exportCsv', { filters: { clientId: mario.id } });
    expect(csv.content).not.toContain('Rossi');
    expect(csv.content).toContain(';(dati cancellati);');
  });

  it('exports the filtered log as CSV for Excel: BOM, ";", office time, labels in the language asked', async () => {
    const { core, clock } = await openCore();
    const { mario, anna } = await history(core, clock);

    const file = await ok(core, 'audit.exportCsv', { filters: {} });
    expect(file).toMatchObject({ fileName: 'registro-attivita-2026-11-24.csv', mimeType: 'text/csv', rows: 5 });
    const lines = file.content.split('\r\n');
    expect(lines[0]).toBe('\uFEFFData e ora (Europe/Rome);Chi;Azione;Codice azione;Oggetto;ID oggetto;ID Paziente;Paziente;Dettagli');
    expect(lines[1]).toBe(`2026-11-24 10:00:00;Studio;Scheda paziente modificata;client.update;client;${anna.id};${anna.id};Bianchi Anna;fields: notes`);
    expect(lines[2]).toBe('2026-11-24 10:00:00;Studio;Impostazioni modificate;settings.update;settings;;;;officeName');
    expect(lines[3]).toMatch(/^2026-11-23 10:00:00;Studio;Appuntamento creato;appointment\.create;appointment;1;1;Rossi Mario;"\{""count"":1,""conflictsAccepted"":0\}"$/);
    expect(lines[5]).toBe(`2026-11-22 10:00:00;Studio;Scheda paziente creata;client.create;client;${mario.id};${mario.id};Rossi Mario;`);
    expect(lines[6]).toBe('');
    expect(lines).toHaveLength(7);

    const english = await ok(core, 'audit.exportCsv', { filters: { action: 'client.create' }, language: 'en' });
    expect(english).toMatchObject({ fileName: 'audit-log-2026-11-24.csv', rows: 2 });
    expect(english.content.split('\r\n')[0]).toBe('\uFEFFDate and time (Europe/Rome);By;Action;Action code;Entity;Entity id;Patient id;Patient;Detail');
    expect(english.content).toContain(';Office;Patient added;client.create;');
  });

  it('exports across batches without repeating or losing entries, and reading never writes', async () => {
    const { core } = await openCore();
    const db = await sql(core);
    // 2,500 entries, several sharing each instant: the export continues below the last one read.
    await db.exec('BEGIN');
    for (let i = 0; i < 2500; i++) {
      await db.run('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)', [NOW - Math.floor(i / 3) * MINUTE, 'office', 'test.entry', String(i)]);
    }
    await db.exec('COMMIT');
    const before = await db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log');
    const file = await ok(core, 'audit.exportCsv', { filters: { action: 'test.entry' } });
    expect(file.rows).toBe(2500);
    const details = file.content.trim().split('\r\n').slice(1).map((line) => Number(line.split(';').at(-1)));
    expect(new Set(details).size).toBe(2500);
    // An action this version does not know is named by its group and code.
    expect(file.content).toContain(';Altro: test.entry;test.entry;');
    await ok(core, 'audit.list', { limit: 500 });
    await ok(core, 'audit.actions', {});
    expect(await db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log')).toEqual(before);
  });

  it('the store still refuses UPDATE and DELETE on the audit log', async () => {
    const { core, clock } = await openCore();
    await history(core, clock);
    const db = await sql(core);
    await expect(db.run("UPDATE audit_log SET actor = 'someone else' WHERE id = 1")).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
    expect((await ok(core, 'audit.list', {})).total).toBe(5);
  });

  it('refuses filters that are not filters', async () => {
    const { core } = await openCore();
    expect(await call(core, 'audit.list', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'audit.list', { limit: 501 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'audit.list', { name: 'Rossi' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('privacy-relevant actions outside the privacy panel are audited', () => {
  it('an SMS channel change says it was the channel and which secret changed, never the secret', async () => {
    const { core } = await openCore();
    // A port nobody listens on: the channel tries, is refused, and the test never leaves this computer.
    const smpp = { host: '127.0.0.1', port: 9, systemId: 'studio', systemType: '', sourceAddr: '', tls: false, windowSize: 10, maxMessagesPerSecond: 30 };
    await ok(core, 'sms.channel.update', { config: { kind: 'smpp', simulator: { behaviour: 'deliver' }, modem: null, smpp }, smppPassword: 'segreta-123' });
    await ok(core, 'sms.channel.update', { config: { kind: 'smpp', simulator: { behaviour: 'deliver' }, modem: null, smpp }, smppPassword: 'segreta-123' });
    await ok(core, 'sms.channel.update', { config: { kind: 'simulator', simulator: { behaviour: 'deliver' }, modem: null, smpp }, smppPassword: null });

    const entries = (await ok(core, 'audit.list', { action: 'sms.channel.update' })).items.reverse();
    expect(entries.map((entry) => JSON.parse(entry.detail ?? '{}') as unknown)).toEqual([
      { kind: 'smpp', previousKind: 'simulator', settings: 'changed', smppPassword: 'changed', simPin: 'unchanged' },
      { kind: 'smpp', previousKind: 'smpp', settings: 'unchanged', smppPassword: 'unchanged', simPin: 'unchanged' },
      { kind: 'simulator', previousKind: 'smpp', settings: 'changed', smppPassword: 'removed', simPin: 'unchanged' },
    ]);
    expect(entries.every((entry) => entry.entity === 'settings' && entry.actor === 'office')).toBe(true);
    // No plain settings.update beside it, and the password is nowhere in the log.
    expect((await ok(core, 'audit.list', { action: 'settings.update' })).total).toBe(0);
    const db = await sql(core);
    const log = await db.all<{ detail: string | null }>('SELECT detail FROM audit_log');
    expect(JSON.stringify(log)).not.toContain('segreta');
  });

  it('a backup is audited once written (size and check, not the path); a refused one is not', async () => {
    const { core } = await openCore();
    const target = join(core.dataDir, 'copia-di-Mario.sqlite');
    await ok(core, 'store.backup', { path: target });
    expect(await call(core, 'store.backup', { path: target })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const entries = (await ok(core, 'audit.list', { action: 'store.backup' })).items;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'office', entity: null });
    expect(JSON.parse(entries[0]?.detail ?? '{}')).toEqual({ bytes: expect.any(Number) as number, integrity: 'ok' });
    expect(entries[0]?.detail).not.toContain('Mario');
  });

  it('the automatic copy before a database upgrade is audited too', async () => {
    const dataDir = join(await tempDir(), 'data');
    // An office still on schema version 3.
    const { db } = await openDatabase({ path: databasePathIn(dataDir), backupsDir: backupsDirIn(dataDir), migrations: migrations.slice(0, 3), now: () => NOW });
    await db.close();
    const core = await createCore({ dataDir, log: silentLogger, systemTimeZone: 'Europe/Rome', clock: { now: () => NOW } });
    onTestFinished(() => core.dispose());
    const [entry] = (await ok(core, 'audit.list', { action: 'store.backup' })).items;
    expect(entry).toMatchObject({ actor: 'system', at: NOW, detail: '{"reason":"before upgrade","fromVersion":3}' });
  });

  it('exports of the client list and of one client are audited with counts and ids', async () => {
    const { core } = await openCore();
    const mario = await ok(core, 'clients.create', { firstName: 'Mario', lastName: 'Rossi' });
    await ok(core, 'clients.exportCsv', {});
    await ok(core, 'clients.exportIcs', { id: mario.id });
    const entries = (await ok(core, 'audit.list', {})).items;
    expect(entries.slice(0, 2).map((entry) => [entry.action, entry.entityId, entry.detail])).toEqual([
      ['clients.exportIcs', mario.id, null],
      ['clients.exportCsv', null, '{"rows":1,"archived":false}'],
    ]);
  });

  it('office settings changes name the keys changed, not their values', async () => {
    const { core } = await openCore();
    await ok(core, 'settings.update', { officeName: 'Studio Rossi', officePhone: '+390612345678' });
    const [entry] = (await ok(core, 'audit.list', { action: 'settings.update' })).items;
    expect(entry).toMatchObject({ entity: 'settings', detail: 'officeName,officePhone' });
  });
});
