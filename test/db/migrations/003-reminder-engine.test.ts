import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/database';
import type { Migration } from '../../../src-main/db/migrations';
import { initialSchema } from '../../../src-main/db/migrations/001-initial-schema';
import { clientSearch } from '../../../src-main/db/migrations/002-client-search';
import { reminderEngine } from '../../../src-main/db/migrations/003-reminder-engine';
import { openDatabase } from '../../../src-main/db/open-database';
import { openTestDatabase } from '../../support/open-test-database';
import { tempDir } from '../../support/temp-dir';

const START = Date.UTC(2026, 10, 26, 9);

/** A client, one appointment and one reminder per state given, on the schema of any version. */
async function seed(db: Database, states: readonly string[]): Promise<void> {
  await db.run(`INSERT INTO clients (id, first_name, last_name, mobile, created_at, updated_at) VALUES (1, 'Mario', 'Rossi', '+393331112222', 0, 0)`);
  await db.run(`INSERT INTO reminder_rules (id, name, offset_minutes, template_it, template_en, created_at, updated_at) VALUES (1, 'r', 120, 'x', 'x', 0, 0)`);
  await db.run(`INSERT INTO appointments (id, client_id, start_at, end_at, created_at, updated_at) VALUES (1, 1, ?, ?, 0, 0)`, [START, START + 1800_000]);
  await db.run(`INSERT INTO appointments (id, client_id, start_at, end_at, created_at, updated_at) VALUES (2, 1, ?, ?, 0, 0)`, [START + 86_400_000, START + 86_400_000 + 1800_000]);
  let id = 1;
  for (const state of states) {
    await db.run(
      `INSERT INTO messages (id, client_id, appointment_id, rule_id, appointment_start_at, kind, to_phone, body, encoding, segments, state,
                             due_at, next_attempt_at, created_at, updated_at)
       VALUES (?, 1, 1, NULL, ?, 'reminder', '+393331112222', 'Promemoria', 'gsm7', 1, ?, 0, 0, 0, 0)`,
      [id++, START, state],
    );
  }
}

describe('migration 003: reminder engine', () => {
  it('upgrades a version 2 database: new columns default to 0, message_parts and the indexes exist, rows are kept', async () => {
    const dir = await tempDir();
    const path = join(dir, 'promemoria.sqlite');
    const open = (list: readonly Migration[]) => openDatabase({ path, migrations: list, backupsDir: join(dir, 'backups'), now: () => 0 });
    const old = await open([initialSchema, clientSearch]);
    expect(await old.db.get('PRAGMA user_version')).toEqual({ user_version: 2 });
    await seed(old.db, ['queued', 'submitted']);
    await old.db.close();

    const { db, previousVersion } = await open([initialSchema, clientSearch, reminderEngine]);
    try {
      expect(previousVersion).toBe(2);
      expect(await db.get('PRAGMA user_version')).toEqual({ user_version: 3 });
      expect(await db.all('SELECT id, state, held_by_staff, forced FROM messages ORDER BY id')).toEqual([
        { id: 1, state: 'queued', held_by_staff: 0, forced: 0 },
        { id: 2, state: 'submitted', held_by_staff: 0, forced: 0 },
      ]);
      const names = (await db.all<{ name: string }>(`SELECT name FROM sqlite_schema WHERE name IN
        ('message_parts', 'message_parts_by_reference', 'messages_by_due', 'inbound_by_received', 'inbound_unhandled',
         'appointments_delete_cancels_reminders') ORDER BY name`)).map((r) => r.name);
      expect(names).toEqual([
        'appointments_delete_cancels_reminders',
        'inbound_by_received',
        'inbound_unhandled',
        'message_parts',
        'message_parts_by_reference',
        'messages_by_due',
      ]);
      // The new flags are checked like the others.
      await expect(db.run('UPDATE messages SET forced = 2 WHERE id = 1')).rejects.toThrow(/CHECK/);
    } finally {
      await db.close();
    }
  });

  it('message_parts: one row per part, unique per message and part, cascades with the message, and is STRICT', async () => {
    const { db } = await openTestDatabase();
    await seed(db, ['submitted']);
    await db.run(`INSERT INTO message_parts (message_id, part, transport, reference) VALUES (1, 1, 'smpp', 'a'), (1, 2, 'smpp', 'b')`);
    expect(await db.all('SELECT part, reference, state, detail, reported_at FROM message_parts ORDER BY part')).toEqual([
      { part: 1, reference: 'a', state: 'submitted', detail: null, reported_at: null },
      { part: 2, reference: 'b', state: 'submitted', detail: null, reported_at: null },
    ]);
    await expect(db.run(`INSERT INTO message_parts (message_id, part, transport, reference) VALUES (1, 1, 'smpp', 'c')`)).rejects.toThrow(/UNIQUE/);
    await expect(db.run(`INSERT INTO message_parts (message_id, part, transport, reference) VALUES (1, 0, 'smpp', 'c')`)).rejects.toThrow(/CHECK/);
    await expect(db.run(`UPDATE message_parts SET state = 'lost' WHERE part = 1`)).rejects.toThrow(/CHECK/);
    await expect(db.run(`INSERT INTO message_parts (message_id, part, transport, reference) VALUES (1, 'x', 'smpp', 'c')`)).rejects.toThrow();
    await db.run('DELETE FROM messages WHERE id = 1');
    expect(await db.get('SELECT count(*) AS n FROM message_parts')).toEqual({ n: 0 });
  });

  it('deleting an appointment cancels its queued reminders with an event, and leaves sent ones alone', async () => {
    const { db } = await openTestDatabase();
    await seed(db, ['queued', 'submitted', 'sending', 'delivered']);
    // A reminder of another appointment is not touched either.
    await db.run(
      `INSERT INTO messages (id, client_id, appointment_id, kind, to_phone, body, encoding, segments, state, due_at, next_attempt_at, created_at, updated_at)
       VALUES (9, 1, 2, 'reminder', '+393331112222', 'Altro', 'gsm7', 1, 'queued', 0, 0, 0, 0)`,
    );
    const before = Date.now();
    await db.run('DELETE FROM appointments WHERE id = 1');
    const after = Date.now();

    expect(await db.all('SELECT id, appointment_id, state, error FROM messages ORDER BY id')).toEqual([
      { id: 1, appointment_id: null, state: 'cancelled', error: 'the appointment was deleted' },
      { id: 2, appointment_id: null, state: 'submitted', error: null },
      { id: 3, appointment_id: null, state: 'sending', error: null },
      { id: 4, appointment_id: null, state: 'delivered', error: null },
      { id: 9, appointment_id: 2, state: 'queued', error: null },
    ]);
    const events = await db.all<{ message_id: number; at: number; from_state: string; to_state: string; detail: string }>(
      'SELECT message_id, at, from_state, to_state, detail FROM message_events',
    );
    expect(events).toEqual([{ message_id: 1, at: expect.any(Number), from_state: 'queued', to_state: 'cancelled', detail: 'the appointment was deleted' }]);
    // Stamped with the database's own clock, in epoch milliseconds.
    expect(events[0]?.at).toBeGreaterThanOrEqual(before - 1000);
    expect(events[0]?.at).toBeLessThanOrEqual(after + 1000);
    const updated = await db.get<{ updated_at: number }>('SELECT updated_at FROM messages WHERE id = 1');
    expect(updated?.updated_at).toBe(events[0]?.at);
  });
});
