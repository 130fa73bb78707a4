import { describe, expect, it, onTestFinished } from 'vitest';
import type { Database } from '../../../src-main/db/database';
import { SettingsRepository } from '../../../src-main/db/repositories/settings-repository';
import { RETENTION_FIRST_LOOK_MS, RETENTION_INTERVAL_MS, RetentionJob } from '../../../src-main/domain/privacy/retention-job';
import { SettingsService } from '../../../src-main/domain/settings-service';
import { zonedToUtc } from '../../../src-main/domain/time-zone';
import { HOUR, MINUTE, recordingLogger, rome } from '../../support/engine-office';
import { FakeTime } from '../../support/fake-time';
import { openTestDatabase } from '../../support/open-test-database';

const ROME = 'Europe/Rome';
const NOW = rome(11, 24, 10); // Tuesday 24 November 2026, 10:00 in Rome

function job(db: Database, time: FakeTime) {
  const log = recordingLogger();
  const retention = new RetentionJob({ db, clock: time, timers: time, log, settings: new SettingsService(new SettingsRepository(db), ROME) });
  onTestFinished(() => retention.stop());
  return { retention, log };
}

async function message(db: Database, createdAt: number): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO messages (client_id, kind, to_phone, body, encoding, segments, state, due_at, next_attempt_at, created_at, updated_at)
     VALUES (NULL, 'manual', '+393331112222', 'Gentile Mario', 'gsm7', 1, 'delivered', ?1, ?1, ?1, ?1)`,
    [createdAt],
  );
  return lastId;
}

const body = async (db: Database, id: number) => (await db.get<{ body: string }>('SELECT body FROM messages WHERE id = ?', [id]))?.body;

describe('the daily retention job', () => {
  it('runs a minute after start, then every 24 hours; a text crossing its period at midnight goes at the next pass', async () => {
    const { db } = await openTestDatabase();
    const time = new FakeTime(NOW, { patienceMs: 5000 });
    const { retention, log } = job(db, time);
    // Sent on 24 November 2024 at 09:00 in Rome: exactly 24 months old today, by the office's calendar.
    const anniversary = await message(db, zonedToUtc({ year: 2024, month: 11, day: 24, hour: 9, minute: 0 }, ROME));

    retention.start();
    await time.advance(RETENTION_FIRST_LOOK_MS - 1);
    expect(await retention.service.lastRun()).toBeNull();
    await time.advance(1);
    expect(await retention.service.lastRun()).toMatchObject({ at: NOW + RETENTION_FIRST_LOOK_MS, trigger: 'daily', removed: { messageTexts: 0 } });
    expect(await body(db, anniversary)).toBe('Gentile Mario');

    // Looks every hour, runs nothing until 24 hours have passed.
    await time.advance(RETENTION_INTERVAL_MS - MINUTE);
    expect((await retention.service.lastRun())?.at).toBe(NOW + RETENTION_FIRST_LOOK_MS);
    await time.advance(MINUTE);
    expect(await retention.service.lastRun()).toMatchObject({ at: NOW + RETENTION_FIRST_LOOK_MS + RETENTION_INTERVAL_MS, removed: { messageTexts: 1 } });
    expect(await body(db, anniversary)).toBe('');
    // The daily pass that removed something says so in the audit log, as Promemoria itself.
    expect(await db.get(`SELECT actor, detail FROM audit_log WHERE action = 'privacy.retention.run'`)).toEqual({
      actor: 'system',
      detail: JSON.stringify({ trigger: 'daily', messageTexts: 1, replies: 0, auditEntries: 0, heldBack: 0 }),
    });
    expect(log.errors).toEqual([]);

    await retention.stop();
    expect(time.pending().count).toBe(0);
  });

  it('after a restart, counts 24 hours from the last pass stored in the database, not from the start', async () => {
    const { db } = await openTestDatabase();
    const time = new FakeTime(NOW, { patienceMs: 5000 });
    const first = job(db, time).retention;
    first.start();
    await time.advance(RETENTION_FIRST_LOOK_MS);
    await first.stop();
    const lastAt = NOW + RETENTION_FIRST_LOOK_MS;

    await time.advance(3 * HOUR);
    const second = job(db, time).retention;
    second.start();
    await time.advance(RETENTION_FIRST_LOOK_MS);
    expect((await second.service.lastRun())?.at).toBe(lastAt);
    await time.advanceTo(lastAt + RETENTION_INTERVAL_MS - 1);
    expect((await second.service.lastRun())?.at).toBe(lastAt);
    await time.advanceTo(lastAt + RETENTION_INTERVAL_MS);
    expect((await second.service.lastRun())?.at).toBe(lastAt + RETENTION_INTERVAL_MS);
  });

  it('a failed pass is logged, leaves the gate closed, and is tried again within the hour', async () => {
    const { db } = await openTestDatabase();
    const time = new FakeTime(NOW, { patienceMs: 5000 });
    const { retention, log } = job(db, time);
    await db.run(`INSERT INTO audit_log (at, actor, action) VALUES (0, 'office', 'client.create')`);
    await db.exec(`CREATE TEMP TRIGGER fail_while_deleting AFTER DELETE ON main.audit_log BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END`);

    retention.start();
    await time.advance(RETENTION_FIRST_LOOK_MS);
    expect(log.errors).toEqual([expect.stringMatching(/daily retention pass failed.*simulated disk failure/)]);
    expect(await db.get('SELECT open FROM retention_gate')).toEqual({ open: 0 });
    expect(await retention.service.lastRun()).toBeNull();

    await db.exec('DROP TRIGGER temp.fail_while_deleting');
    await time.advance(HOUR);
    expect(await retention.service.lastRun()).toMatchObject({ removed: { auditEntries: 1 } });
    expect(await db.get('SELECT open FROM retention_gate')).toEqual({ open: 0 });
  });

  it('stop() before the first look leaves nothing scheduled and runs nothing', async () => {
    const { db } = await openTestDatabase();
    const time = new FakeTime(NOW, { patienceMs: 5000 });
    const { retention } = job(db, time);
    retention.start();
    expect(time.pending().count).toBe(1);
    await retention.stop();
    expect(time.pending().count).toBe(0);
    retention.start();
    expect(time.pending().count).toBe(0);
    await time.advance(2 * RETENTION_INTERVAL_MS);
    expect(await retention.service.lastRun()).toBeNull();
  });
});
