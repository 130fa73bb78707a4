import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BACKUPS_FOLDER_KEY, listBackups } from '../../src-main/app/backup-files';
import { BACKUP_FIRST_LOOK_MS, BACKUP_INTERVAL_MS, BackupJob } from '../../src-main/app/backup-job';
import type { Database } from '../../src-main/db/database';
import { quickCheck } from '../../src-main/db/backup';
import { SettingsRepository } from '../../src-main/db/repositories/settings-repository';
import { HOUR, recordingLogger } from '../support/engine-office';
import { FakeTime } from '../support/fake-time';
import { openTestDatabase } from '../support/open-test-database';
import { tempDir } from '../support/temp-dir';

const NOW = Date.UTC(2026, 10, 24, 9); // Tuesday 24 November 2026
// Every look of the job ends by scheduling the next: let a slow copy finish before time moves on.

function job(db: Database, dataDir: string, time: FakeTime) {
  const log = recordingLogger();
  const backups = new BackupJob({ db, dataDir, settings: new SettingsRepository(db), clock: time, timers: time, log });
  onTestFinished(() => backups.stop());
  return { backups, log };
}

const autos = async (folder: string) => (await readdir(folder)).filter((name) => name.startsWith('promemoria-auto-')).sort();

describe('the daily backup job', () => {
  it('copies a minute after start, then once a day, rotating to 7 daily and 4 weekly copies', async () => {
    const { db, dir } = await openTestDatabase();
    const time = new FakeTime(NOW, { patienceMs: 5000 });
    const { backups, log } = job(db, dir, time);
    const folder = join(dir, 'backups');
    backups.start();
    await time.advance(BACKUP_FIRST_LOOK_MS - 1);
    expect(await autos(folder).catch(() => [])).toEqual([]);
    await time.advance(1);
    expect(await autos(folder)).toEqual(['promemoria-auto-2026-11-24T09-01-00-000Z.sqlite']);
    expect(await quickCheck(join(folder, 'promemoria-auto-2026-11-24T09-01-00-000Z.sqlite'))).toBe('ok');

    // Hourly looks copy nothing until a day has passed.
    await time.advance(BACKUP_INTERVAL_MS - HOUR);
    expect(await autos(folder)).toHaveLength(1);
    await time.advance(HOUR);
    expect(await autos(folder)).toEqual(['promemoria-auto-2026-11-24T09-01-00-000Z.sqlite', 'promemoria-auto-2026-11-25T09-01-00-000Z.sqlite']);

    // Six weeks later: 7 daily and 4 weekly copies are left (two of the weeks are covered by the daily ones).
    await time.advance(42 * BACKUP_INTERVAL_MS);
    const listed = await listBackups(new SettingsRepository(db), dir);
    expect(listed.filter((f) => f.kind === 'daily')).toHaveLength(7);
    expect(listed.filter((f) => f.kind === 'weekly')).toHaveLength(2);
    expect(listed.every((f) => f.integrity === 'ok')).toBe(true);
    expect(log.errors).toEqual([]);

    // The audit log counts, and names no path.
    const audit = await db.all<{ detail: string }>(`SELECT detail FROM audit_log WHERE action = 'store.backup' ORDER BY id`);
    expect(audit).toHaveLength(44);
    const removed = audit.map((row) => (JSON.parse(row.detail) as { rotatedAway: number }).rotatedAway).reduce((a, b) => a + b, 0);
    expect(removed).toBe(44 - 9);
    expect(audit.some((row) => row.detail.includes(dir))).toBe(false);
  });

  it('does not copy again at a restart within the day', async () => {
    const { db, dir } = await openTestDatabase();
    const time = new FakeTime(NOW, { patienceMs: 5000 });
    const first = job(db, dir, time);
    first.backups.start();
    await time.advance(BACKUP_FIRST_LOOK_MS);
    await first.backups.stop();
    const second = job(db, dir, time);
    second.backups.start();
    await time.advance(2 * HOUR);
    expect(await autos(join(dir, 'backups'))).toHaveLength(1);
  });

  it('writes to the folder the office chose (a USB drive, a NAS share)', async () => {
    const { db, dir } = await openTestDatabase();
    const usb = join(await tempDir(), 'USB', 'Promemoria');
    await new SettingsRepository(db).write({ [BACKUPS_FOLDER_KEY]: usb }, 'office', NOW);
    const time = new FakeTime(NOW, { patienceMs: 5000 });
    job(db, dir, time).backups.start();
    await time.advance(BACKUP_FIRST_LOOK_MS);
    expect(await autos(usb)).toEqual(['promemoria-auto-2026-11-24T09-01-00-000Z.sqlite']);
    const listed = await listBackups(new SettingsRepository(db), dir);
    expect(listed).toMatchObject([{ file: 'promemoria-auto-2026-11-24T09-01-00-000Z.sqlite', location: 'folder', kind: 'daily', integrity: 'ok' }]);
  });
});
