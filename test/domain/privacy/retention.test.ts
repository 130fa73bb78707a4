import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/app/logger';
import type { Database } from '../../../src-main/db/database';
import { appendAudit } from '../../../src-main/db/repositories/audit-log';
import { SettingsRepository } from '../../../src-main/db/repositories/settings-repository';
import { SqliteConnection } from '../../../src-main/db/sqlite-connection';
import { periodCutoff } from '../../../src-main/domain/privacy/office-day';
import { RetentionService } from '../../../src-main/domain/privacy/retention-service';
import { SettingsService } from '../../../src-main/domain/settings-service';
import { zonedToUtc } from '../../../src-main/domain/time-zone';
import { rome } from '../../support/engine-office';
import { openTestDatabase } from '../../support/open-test-database';

const ROME = 'Europe/Rome';
const NOW = rome(11, 24, 10); // Tuesday 24 November 2026, 10:00 in Rome
/** 24 months before today, at the start of the office day: 24 November 2024, 00:00 in Rome. */
const TEXTS_CUTOFF = zonedToUtc({ year: 2024, month: 11, day: 24, hour: 0, minute: 0 }, ROME);
/** 5 years before: 24 November 2021, 00:00 in Rome. */
const AUDIT_CUTOFF = zonedToUtc({ year: 2021, month: 11, day: 24, hour: 0, minute: 0 }, ROME);

async function setup(now = NOW) {
  const { db, path } = await openTestDatabase();
  let current = now;
  const clock = { now: () => current };
  const settings = new SettingsService(new SettingsRepository(db), ROME);
  const service = new RetentionService({ db, clock, settings, log: silentLogger, actor: 'office' });
  return { db, path, service, setNow: (at: number) => (current = at) };
}

async function client(db: Database, holdUntil: string | null = null): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO clients (first_name, last_name, mobile, hold_until, hold_reason, created_at, updated_at) VALUES ('Mario', 'Rossi', NULL, ?, ?, 0, 0)`,
    [holdUntil, holdUntil === null ? null : 'cartella clinica'],
  );
  return lastId;
}

async function message(db: Database, clientId: number | null, createdAt: number, state = 'delivered', body = 'Gentile Mario, a domani'): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO messages (client_id, kind, to_phone, body, encoding, segments, state, due_at, next_attempt_at, created_at, updated_at)
     VALUES (?, 'manual', '+393331112222', ?, 'gsm7', 1, ?, ?, ?, ?, ?)`,
    [clientId, body, state, createdAt, createdAt, createdAt, createdAt],
  );
  return lastId;
}

async function reply(db: Database, clientId: number | null, receivedAt: number): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO inbound_messages (from_phone, body, received_at, transport, client_id) VALUES ('+393331112222', 'Sì', ?, 'simulator', ?)`,
    [receivedAt, clientId],
  );
  return lastId;
}

const gate = async (db: Database) => (await db.get<{ open: number }>('SELECT open FROM retention_gate'))?.open;

describe('retention periods', () => {
  it('start at the office day N months back, clamped to the month end, in the office zone across DST', () => {
    expect(periodCutoff({ year: 2026, month: 11, day: 24 }, 24, ROME)).toBe(TEXTS_CUTOFF);
    expect(new Date(periodCutoff({ year: 2026, month: 11, day: 24 }, 24, ROME)).toISOString()).toBe('2024-11-23T23:00:00.000Z');
    expect(new Date(periodCutoff({ year: 2026, month: 7, day: 15 }, 24, ROME)).toISOString()).toBe('2024-07-14T22:00:00.000Z');
    expect(new Date(periodCutoff({ year: 2026, month: 3, day: 31 }, 1, ROME)).toISOString()).toBe('2026-02-27T23:00:00.000Z');
    expect(new Date(periodCutoff({ year: 2028, month: 2, day: 29 }, 12, ROME)).toISOString()).toBe('2027-02-27T23:00:00.000Z');
    expect(new Date(periodCutoff({ year: 2026, month: 1, day: 10 }, 60, ROME)).toISOString()).toBe('2021-01-09T23:00:00.000Z');
  });

  it('defaults to 24 months for texts and replies, 5 years for the audit log; an update is validated by the contract and audited', async () => {
    const { db, service } = await setup();
    expect(await service.state()).toEqual({ settings: { messageMonths: 24, repliesMonths: 24, auditYears: 5 }, lastRun: null });
    await service.update({ messageMonths: 12, repliesMonths: 6, auditYears: 10 }, 'office');
    expect((await service.state()).settings).toEqual({ messageMonths: 12, repliesMonths: 6, auditYears: 10 });
    expect(await db.get(`SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 1`)).toEqual({ action: 'settings.update', detail: 'privacy.retention' });
    // A stored value that no longer fits falls back to the defaults.
    await db.run(`UPDATE settings SET value = '{"messageMonths":0}' WHERE key = 'privacy.retention'`);
    expect((await service.state()).settings).toEqual({ messageMonths: 24, repliesMonths: 24, auditYears: 5 });
  });
});

describe('the retention pass', () => {
  it('removes exactly what is past its period: one millisecond before the cutoff goes, the cutoff itself stays', async () => {
    const { db, service } = await setup();
    const mario = await client(db);
    const held = await client(db, '2027-01-01');
    const expiredHold = await client(db, '2026-11-23');

    const textGone = await message(db, mario, TEXTS_CUTOFF - 1);
    const textKept = await message(db, mario, TEXTS_CUTOFF);
    const stillQueued = await message(db, mario, TEXTS_CUTOFF - 1, 'queued');
    const stillSending = await message(db, mario, TEXTS_CUTOFF - 1, 'sending');
    const heldText = await message(db, held, TEXTS_CUTOFF - 1);
    const expiredHoldText = await message(db, expiredHold, TEXTS_CUTOFF - 1, 'failed');
    const noClient = await message(db, null, TEXTS_CUTOFF - 400 * 86_400_000, 'cancelled');
    const alreadyBlank = await message(db, mario, TEXTS_CUTOFF - 1, 'delivered', '');

    await reply(db, mario, TEXTS_CUTOFF - 1);
    const replyKept = await reply(db, mario, TEXTS_CUTOFF);
    const heldReply = await reply(db, held, 0);
    await reply(db, null, 0); // from a number no client has

    await appendAudit(db, AUDIT_CUTOFF - 1, { actor: 'office', action: 'client.create', entity: 'client', entityId: mario });
    await appendAudit(db, AUDIT_CUTOFF, { actor: 'office', action: 'client.update', entity: 'client', entityId: mario });
    await appendAudit(db, 0, { actor: 'office', action: 'settings.update' });

    const run = await service.run('manual');
    expect(run).toEqual({
      at: NOW,
      trigger: 'manual',
      cutoffs: { messageTexts: TEXTS_CUTOFF, replies: TEXTS_CUTOFF, auditLog: AUDIT_CUTOFF },
      removed: { messageTexts: 3, replies: 2, auditEntries: 2 },
      heldBack: 2,
      fileScrubbed: true,
    });

    const bodies = new Map((await db.all<{ id: number; body: string; state: string }>('SELECT id, body, state FROM messages')).map((m) => [m.id, m]));
    expect([textGone, expiredHoldText, noClient, alreadyBlank].map((id) => bodies.get(id)?.body)).toEqual(['', '', '', '']);
    expect([textKept, stillQueued, stillSending, heldText].map((id) => bodies.get(id)?.body)).toEqual(Array(4).fill('Gentile Mario, a domani'));
    // The rows and their states stay, for counts.
    expect(bodies.size).toBe(8);
    expect(bodies.get(textGone)?.state).toBe('delivered');

    expect((await db.all<{ id: number }>('SELECT id FROM inbound_messages ORDER BY id')).map((r) => r.id)).toEqual([replyKept, heldReply]);

    const audit = await db.all<{ at: number; action: string; actor: string; detail: string | null }>('SELECT at, action, actor, detail FROM audit_log ORDER BY id');
    expect(audit).toEqual([
      { at: AUDIT_CUTOFF, action: 'client.update', actor: 'office', detail: null },
      {
        at: NOW,
        action: 'privacy.retention.run',
        actor: 'office',
        detail: JSON.stringify({ trigger: 'manual', messageTexts: 3, replies: 2, auditEntries: 2, heldBack: 2 }),
      },
    ]);
    expect(await gate(db)).toBe(0);
    expect((await service.state()).lastRun).toEqual(run);

    // Nothing more is past its period: a daily pass removes nothing and leaves the audit log alone.
    const again = await service.run('daily');
    expect(again).toMatchObject({ removed: { messageTexts: 0, replies: 0, auditEntries: 0 }, heldBack: 2, fileScrubbed: false });
    expect(await db.get('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 2 });
    expect((await service.state()).lastRun).toEqual(again);
  });

  it('a day later, what was exactly at the cutoff goes; shorter periods take effect at the next pass', async () => {
    const { db, service, setNow } = await setup();
    const mario = await client(db);
    const atCutoff = await message(db, mario, TEXTS_CUTOFF);
    await reply(db, mario, TEXTS_CUTOFF + 86_400_000 - 1);
    expect((await service.run('daily')).removed).toEqual({ messageTexts: 0, replies: 0, auditEntries: 0 });

    setNow(rome(11, 25, 0, 0));
    expect((await service.run('daily')).removed).toEqual({ messageTexts: 1, replies: 1, auditEntries: 0 });
    expect(await db.get('SELECT body FROM messages WHERE id = ?', [atCutoff])).toEqual({ body: '' });

    const recent = await message(db, mario, rome(10, 24, 12));
    await service.update({ messageMonths: 1, repliesMonths: 24, auditYears: 5 }, 'office');
    expect((await service.run('daily')).removed.messageTexts).toBe(1);
    expect(await db.get('SELECT body FROM messages WHERE id = ?', [recent])).toEqual({ body: '' });
  });
});

describe('the append-only audit log and its gate', () => {
  it('refuses UPDATE and DELETE outside the gate, before and after a pass, from the core and from another connection', async () => {
    const { db, path, service } = await setup();
    await appendAudit(db, 0, { actor: 'office', action: 'client.create' });
    await appendAudit(db, NOW, { actor: 'office', action: 'client.update' });
    const other = await SqliteConnection.open(path, 'readwrite-create');
    try {
      other.setBusyTimeout(5000);
      for (const sql of [db as { run: Database['run'] }, other]) {
        await expect(sql.run(`UPDATE audit_log SET detail = 'x'`)).rejects.toThrow(/audit_log is append-only/);
        await expect(sql.run(`DELETE FROM audit_log WHERE at = 0`)).rejects.toThrow(/audit_log is append-only/);
      }
      await service.run('daily');
      expect(await gate(db)).toBe(0);
      for (const sql of [db as { run: Database['run'] }, other]) {
        await expect(sql.run(`UPDATE audit_log SET detail = 'x'`)).rejects.toThrow(/audit_log is append-only/);
        await expect(sql.run(`DELETE FROM audit_log`)).rejects.toThrow(/audit_log is append-only/);
      }
      // The gate opens only for DELETE: even open, an UPDATE is refused.
      await expect(
        db.transaction(async (tx) => {
          await tx.run('UPDATE retention_gate SET open = 1');
          await tx.run(`UPDATE audit_log SET detail = 'x'`);
        }),
      ).rejects.toThrow(/audit_log is append-only/);
      expect(await gate(db)).toBe(0);
      expect(await db.get('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 2 });
    } finally {
      await other.close();
    }
  });

  it('a failure inside the pass rolls everything back and leaves the gate closed', async () => {
    const { db, service } = await setup();
    const mario = await client(db);
    const old = await message(db, mario, 0);
    await reply(db, mario, 0);
    await appendAudit(db, 0, { actor: 'office', action: 'client.create' });
    // The disk fails while old entries are being deleted, with the gate open (simulated on this connection only).
    await db.exec(`CREATE TEMP TRIGGER fail_while_deleting AFTER DELETE ON main.audit_log BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END`);

    await expect(service.run('daily')).rejects.toThrow(/simulated disk failure/);
    expect(await gate(db)).toBe(0);
    expect(await db.get('SELECT body FROM messages WHERE id = ?', [old])).toEqual({ body: 'Gentile Mario, a domani' });
    expect(await db.get('SELECT count(*) AS n FROM inbound_messages')).toEqual({ n: 1 });
    expect(await db.get('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 1 });
    expect(await db.get('PRAGMA secure_delete')).toEqual({ secure_delete: 0 });
    expect((await service.state()).lastRun).toBeNull();
    await expect(db.run(`DELETE FROM audit_log`)).rejects.toThrow(/audit_log is append-only/);

    await db.exec('DROP TRIGGER temp.fail_while_deleting');
    expect((await service.run('daily')).removed).toEqual({ messageTexts: 1, replies: 1, auditEntries: 1 });
    expect(await gate(db)).toBe(0);
  });
});
