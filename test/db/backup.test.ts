import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, BackupTargetExistsError, quickCheck } from '../../src-main/db/backup';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { openTestDatabase } from '../support/open-test-database';

describe('backupDatabase', () => {
  it('writes a copy that opens, passes quick_check and holds the data, while the store stays open', async () => {
    const { db, dir } = await openTestDatabase();
    await db.run("INSERT INTO clients (first_name, last_name, created_at, updated_at) VALUES ('Lucia', 'Bianchi', 0, 0)");
    const target = join(dir, 'copies', 'backup.sqlite');
    const result = await backupDatabase(db, target, false);
    expect(result).toMatchObject({ path: target, integrity: 'ok' });
    expect(result.bytes).toBeGreaterThan(0);
    expect(await quickCheck(target)).toBe('ok');
    const copy = await SqliteConnection.open(target, 'readonly');
    expect(await copy.get('SELECT first_name FROM clients')).toEqual({ first_name: 'Lucia' });
    await copy.close();
    // The live store keeps working after the copy.
    await db.run("INSERT INTO clients (first_name, last_name, created_at, updated_at) VALUES ('Ugo', 'Neri', 0, 0)");
  });

  it('does not replace an existing file unless asked, and then replaces it whole', async () => {
    const { db, dir } = await openTestDatabase();
    const target = join(dir, 'backup.sqlite');
    await writeFile(target, 'an older file');
    await expect(backupDatabase(db, target, false)).rejects.toBeInstanceOf(BackupTargetExistsError);
    const result = await backupDatabase(db, target, true);
    expect(result.integrity).toBe('ok');
    expect(await quickCheck(target)).toBe('ok');
  });
});
