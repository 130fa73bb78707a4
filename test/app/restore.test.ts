import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchLockPathIn } from '../../src-main/app/dispatch-lock';
import { applyPendingRestore, pendingRestorePathIn, stageRestore } from '../../src-main/app/restore';
import { backupDatabase } from '../../src-main/db/backup';
import { migrations } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open-database';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { StoreRefusedError } from '../../src-main/db/store-refused-error';
import { tempDir } from '../support/temp-dir';

const NOW = Date.UTC(2026, 10, 24, 9);

/** A closed office database in `dir` holding one client named `name`, and a checked backup of it holding `backupName`. */
async function officeWithBackup(name: string, backupName: string): Promise<{ dir: string; backup: string }> {
  const dir = await tempDir();
  const { db } = await openDatabase({ path: join(dir, 'promemoria.sqlite'), migrations, backupsDir: join(dir, 'backups'), now: () => NOW });
  await db.run(`INSERT INTO clients (first_name, last_name, created_at, updated_at) VALUES (?, 'Rossi', 0, 0)`, [backupName]);
  const backup = join(await tempDir(), 'copy.sqlite');
  await backupDatabase(db, backup, false);
  await db.run(`UPDATE clients SET first_name = ?`, [name]);
  await db.close();
  return { dir, backup };
}

async function clientName(path: string): Promise<string | undefined> {
  const connection = await SqliteConnection.open(path, 'readonly');
  try {
    return (await connection.get<{ first_name: string }>('SELECT first_name FROM clients'))?.first_name;
  } finally {
    await connection.close();
  }
}

describe('restore', () => {
  it('stages a good backup without touching the live database, and swaps it in at the next start keeping a before-restore copy', async () => {
    const { dir, backup } = await officeWithBackup('Current', 'FromBackup');
    const live = join(dir, 'promemoria.sqlite');
    const before = await readFile(live);
    await stageRestore(backup, dir, migrations.length);
    expect((await readFile(live)).equals(before)).toBe(true);
    expect((await stat(pendingRestorePathIn(dir))).isFile()).toBe(true);

    const outcome = await applyPendingRestore({ dataDir: dir, migrations, now: () => NOW });
    expect(outcome?.safetyCopy).toBe(join(dir, 'backups', 'before-restore-2026-11-24T09-00-00-000Z.sqlite'));
    expect(await clientName(live)).toBe('FromBackup');
    expect(await clientName(outcome?.safetyCopy ?? '')).toBe('Current');
    expect(await readdir(dir)).not.toContain('restore-pending.sqlite');
    const { db } = await openDatabase({ path: live, migrations, backupsDir: join(dir, 'backups'), now: () => NOW });
    expect(await db.get(`SELECT actor, detail FROM audit_log WHERE action = 'store.restore'`)).toEqual({
      actor: 'system',
      detail: JSON.stringify({ restoredVersion: migrations.length, upgradedTo: migrations.length, safetyCopyKept: true }),
    });
    await db.close();
    // Nothing pending any more: the next start changes nothing.
    expect(await applyPendingRestore({ dataDir: dir, migrations, now: () => NOW })).toBeUndefined();
  });

  it('leaves a staged restore for later while another Promemoria holds the data folder', async () => {
    const { dir, backup } = await officeWithBackup('Current', 'FromBackup');
    await stageRestore(backup, dir, migrations.length);
    // A lock from another computer (a shared folder) is always respected.
    await writeFile(dispatchLockPathIn(dir), JSON.stringify({ pid: 1, host: 'another-pc', since: Date.now() }));
    expect(await applyPendingRestore({ dataDir: dir, migrations, now: () => NOW })).toBeUndefined();
    expect(await clientName(join(dir, 'promemoria.sqlite'))).toBe('Current');
    expect(await readdir(dir)).toContain('restore-pending.sqlite');
  });

  it('refuses a file that is not a Promemoria backup, names it, and leaves everything as it was', async () => {
    const { dir } = await officeWithBackup('Current', 'x');
    const before = await readFile(join(dir, 'promemoria.sqlite'));
    const notOurs = join(await tempDir(), 'holiday-photos.sqlite');
    await writeFile(notOurs, 'not a database at all, just some text that got saved with a .sqlite name');
    const refusal = await stageRestore(notOurs, dir, migrations.length).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(StoreRefusedError);
    expect((refusal as Error).message).toBe(
      `The file ${notOurs} is not a Promemoria database. Nothing was changed in the file. Start Promemoria with another data folder, or put a backup copy in its place.`,
    );
    expect((await readFile(join(dir, 'promemoria.sqlite'))).equals(before)).toBe(true);
    expect(await readdir(dir)).toEqual(['promemoria.sqlite']); // no staged file, no leftover check copy
  });

  it('refuses a backup saved by a newer Promemoria', async () => {
    const { dir, backup } = await officeWithBackup('Current', 'Future');
    const connection = await SqliteConnection.open(backup, 'readwrite-create');
    await connection.exec(`PRAGMA user_version = ${migrations.length + 1}`);
    await connection.close();
    const before = await readFile(join(dir, 'promemoria.sqlite'));
    await expect(stageRestore(backup, dir, migrations.length)).rejects.toThrow(/was saved by a newer version of Promemoria/);
    expect((await readFile(join(dir, 'promemoria.sqlite'))).equals(before)).toBe(true);
    expect(await readdir(dir)).not.toContain('restore-pending.sqlite');
  });
});
