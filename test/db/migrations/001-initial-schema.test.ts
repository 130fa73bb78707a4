import { describe, expect, it } from 'vitest';
import { initialSchema } from '../../../src-main/db/migrations/001-initial-schema';
import { openTestDatabase } from '../../support/open-test-database';

async function setUp() {
  const { db } = await openTestDatabase([initialSchema]);
  await db.run("INSERT INTO clients (id, first_name, last_name, mobile, created_at, updated_at) VALUES (1, 'Maria', 'Rossi', '+393331234567', 0, 0)");
  return db;
}

describe('migration 001: initial schema', () => {
  it('creates every table of the design', async () => {
    const { db } = await openTestDatabase([initialSchema]);
    const tables = (await db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")).map((r) => r.name);
    expect(tables).toEqual([
      'appointments', 'audit_log', 'clients', 'consents', 'inbound_messages', 'message_events',
      'messages', 'reminder_rules', 'rooms', 'settings', 'staff',
    ]);
  });

  it('makes the audit log and the consent ledger append-only', async () => {
    const db = await setUp();
    await db.run("INSERT INTO audit_log (at, actor, action) VALUES (1, 'office', 'test')");
    await db.run("INSERT INTO consents (client_id, purpose, granted, method, recorded_by, recorded_at) VALUES (1, 'reminders', 1, 'paper', 'office', 1)");
    for (const table of ['audit_log', 'consents']) {
      await expect(db.run(`UPDATE ${table} SET id = id`)).rejects.toThrow(`${table} is append-only`);
      await expect(db.run(`DELETE FROM ${table}`)).rejects.toThrow(`${table} is append-only`);
    }
    expect(await db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 1 });
  });

  it('refuses phone numbers that are not E.164 and languages other than it/en', async () => {
    const db = await setUp();
    const insert = (mobile: string, language = 'it') =>
      db.run("INSERT INTO clients (first_name, last_name, mobile, language, created_at, updated_at) VALUES ('A', 'B', ?, ?, 0, 0)", [mobile, language]);
    await expect(insert('3331234567')).rejects.toThrow(/CHECK constraint/);
    await expect(insert('+39 333 1234567')).rejects.toThrow(/CHECK constraint/);
    await expect(insert('+393331234567', 'de')).rejects.toThrow(/CHECK constraint/);
    await insert('+393331234567');
  });

  it('refuses appointments that end before they start or last over a day, and unknown statuses', async () => {
    const db = await setUp();
    const insert = (start: number, end: number, status = 'booked') =>
      db.run('INSERT INTO appointments (client_id, start_at, end_at, status, created_at, updated_at) VALUES (1, ?, ?, ?, 0, 0)', [start, end, status]);
    await expect(insert(1000, 1000)).rejects.toThrow(/CHECK constraint/);
    await expect(insert(0, 86_400_001)).rejects.toThrow(/CHECK constraint/);
    await expect(insert(0, 1000, 'maybe')).rejects.toThrow(/CHECK constraint/);
    await insert(0, 1_800_000, 'no_show');
  });

  it('enforces foreign keys', async () => {
    const db = await setUp();
    await expect(
      db.run('INSERT INTO appointments (client_id, start_at, end_at, created_at, updated_at) VALUES (99, 0, 1000, 0, 0)'),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('keeps one planned reminder per appointment, rule and start', async () => {
    const db = await setUp();
    await db.run("INSERT INTO appointments (id, client_id, start_at, end_at, created_at, updated_at) VALUES (1, 1, 5000, 9000, 0, 0)");
    await db.run("INSERT INTO reminder_rules (id, name, offset_minutes, template_it, template_en, created_at, updated_at) VALUES (1, '1 day', 1440, 'x', 'x', 0, 0)");
    const plan = (start: number) =>
      db.run(
        `INSERT INTO messages (client_id, appointment_id, rule_id, appointment_start_at, kind, to_phone, body, encoding, segments, due_at, next_attempt_at, created_at, updated_at)
         VALUES (1, 1, 1, ?, 'reminder', '+393331234567', 'Promemoria', 'gsm7', 1, 0, 0, 0, 0)`,
        [start],
      );
    await plan(5000);
    await expect(plan(5000)).rejects.toThrow(/UNIQUE constraint/);
    await plan(6000); // the appointment moved: a new plan key
    await expect(
      db.run("UPDATE messages SET state = 'lost' WHERE id = 1"),
    ).rejects.toThrow(/CHECK constraint/);
  });
});
