import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations, type Migration } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open-database';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { StoreRefusedError } from '../../src-main/db/store-refused-error';
import { tempDir } from '../support/temp-dir';

const now = () => Date.UTC(2026, 10, 24, 9, 30);

async function open(path: string, list: readonly Migration[] = migrations) {
  const { db, ...rest } = await openDatabase({ path, migrations: list, backupsDir: join(path, '..', 'backups'), now });
  return { db, ...rest };
}

/** Opens `path`, expects a refusal with `reason`, and checks the file and its folder are untouched. */
async function expectRefusedUnchanged(path: string, reason: string, messagePattern: RegExp): Promise<StoreRefusedError> {
  const folder = join(path, '..');
  const before = await readFile(path);
  const filesBefore = await readdir(folder);
  const error = await open(path).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(StoreRefusedError);
  const refused = error as StoreRefusedError;
  expect(refused.reason).toBe(reason);
  expect(refused.message).toMatch(messagePattern);
  expect(refused.message).toContain('Nothing was changed');
  expect((await readFile(path)).equals(before)).toBe(true);
  expect(await readdir(folder)).toEqual(filesBefore);
  return refused;
}

/** A valid database made by SQLite directly, outside our code. */
async function rawDatabase(path: string, sql: string): Promise<void> {
  const connection = await SqliteConnection.open(path, 'readwrite-create');
  await connection.exec(sql);
  await connection.close();
}

describe('openDatabase', () => {
  it('creates a new database at the latest schema version, marked as ours', async () => {
    const path = join(await tempDir(), 'promemoria.sqlite');
    const { db, schemaVersion, previousVersion, preMigrationBackup } = await open(path);
    expect(schemaVersion).toBe(migrations.length);
    expect(previousVersion).toBe(0);
    expect(preMigrationBackup).toBeUndefined();
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    expect(await db.get('PRAGMA application_id')).toEqual({ application_id: 0x50524d4f });
    await db.close();
    // And opens again without change.
    const again = await open(path);
    expect(again.previousVersion).toBe(migrations.length);
    await again.db.close();
  });

  it('refuses a file of random bytes and leaves it unchanged', async () => {
    const path = join(await tempDir(), 'promemoria.sqlite');
    await writeFile(path, randomBytes(64 * 1024));
    await expectRefusedUnchanged(path, 'not-a-database', /is not a Promemoria database/);
  });

  it('refuses a text file saved under the database name', async () => {
    const path = join(await tempDir(), 'promemoria.sqlite');
    await writeFile(path, 'Nome;Cognome;Cellulare\nMario;Rossi;3331234567\n');
    await expectRefusedUnchanged(path, 'not-a-database', /is not a Promemoria database/);
  });

  it('refuses a database with a valid header but damaged pages, and leaves it unchanged', async () => {
    const path = join(await tempDir(), 'promemoria.sqlite');
    const { db } = await open(path);
    await db.transaction(async (tx) => {
      for (let i = 0; i < 400; i++) {
        await tx.run(
          'INSERT INTO clients (first_name, last_name, mobile, created_at, updated_at) VALUES (?, ?, ?, 0, 0)',
          [`Nome${i}`, `Cognome${i}`, `+39333${String(i).padStart(7, '0')}`],
        );
      }
    });
    await db.run('PRAGMA wal_checkpoint(TRUNCATE)');
    await db.close();
    // Scribble over the middle of the file, leaving the 100-byte header intact.
    const bytes = await readFile(path);
    const pageSize = bytes.readUInt16BE(16);
    const start = pageSize * 3;
    randomBytes(pageSize * 6).copy(bytes, start);
    await writeFile(path, bytes);
    const refused = await expectRefusedUnchanged(path, 'corrupt', /is damaged/);
    expect(refused.message).toContain('Restore your latest backup');
  });

  it('refuses a database written by a newer version, and leaves it unchanged', async () => {
    const path = join(await tempDir(), 'promemoria.sqlite');
    const { db } = await open(path);
    await db.exec(`PRAGMA user_version = ${migrations.length + 1}`);
    await db.close();
    const refused = await expectRefusedUnchanged(path, 'too-new', /newer version of Promemoria/);
    expect(refused.message).toContain(`data version ${migrations.length + 1}`);
    expect(refused.message).toContain('Install the latest version');
  });

  it("refuses another program's database", async () => {
    const path = join(await tempDir(), 'promemoria.sqlite');
    await rawDatabase(path, 'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
    await expectRefusedUnchanged(path, 'not-ours', /another program/);
  });

  it('backs up an existing database before migrating it, then migrates in one step', async () => {
    const path = join(await tempDir(), 'promemoria.sqlite');
    const first = await open(path);
    await first.db.run(
      "INSERT INTO clients (first_name, last_name, created_at, updated_at) VALUES ('Mario', 'Rossi', 0, 0)",
    );
    await first.db.close();

    const addColumn: Migration = {
      version: migrations.length + 1,
      name: 'test: add a column',
      up: (tx) => tx.exec("ALTER TABLE clients ADD COLUMN nickname TEXT NOT NULL DEFAULT ''"),
    };
    const upgraded = await open(path, [...migrations, addColumn]);
    expect(upgraded.previousVersion).toBe(migrations.length);
    expect(upgraded.schemaVersion).toBe(migrations.length + 1);
    expect(await upgraded.db.get('SELECT first_name, nickname FROM clients')).toEqual({ first_name: 'Mario', nickname: '' });
    await upgraded.db.close();

    const backup = upgraded.preMigrationBackup;
    const latest = migrations.length;
    expect(backup).toMatch(new RegExp(`backups[\\\\/]before-upgrade-v${latest}-to-v${latest + 1}-2026-11-24T09-30-00-000Z\\.sqlite$`));
    const copy = await SqliteConnection.open(backup ?? '', 'readonly');
    expect(await copy.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    expect(await copy.get('SELECT first_name FROM clients')).toEqual({ first_name: 'Mario' });
    await copy.close();
  });

  it('leaves the database at its old version when a migration fails', async () => {
    const path = join(await tempDir(), 'promemoria.sqlite');
    await (await open(path)).db.close();
    const broken: Migration = {
      version: migrations.length + 1,
      name: 'test: fails half way',
      async up(tx) {
        await tx.exec('CREATE TABLE half_done (id INTEGER)');
        await tx.exec('THIS IS NOT SQL');
      },
    };
    await expect(open(path, [...migrations, broken])).rejects.toThrow(/syntax error/);
    const { db, previousVersion } = await open(path);
    expect(previousVersion).toBe(migrations.length);
    expect(await db.get("SELECT name FROM sqlite_schema WHERE name = 'half_done'")).toBeUndefined();
    await db.close();
  });

  it('treats an empty file as a new database', async () => {
    const path = join(await tempDir(), 'promemoria.sqlite');
    await writeFile(path, '');
    const { db, previousVersion } = await open(path);
    expect(previousVersion).toBe(0);
    await db.close();
    expect((await stat(path)).size).toBeGreaterThan(0);
  });

  it('rejects a migration list with a gap in its numbering', async () => {
    const path = join(await tempDir(), 'promemoria.sqlite');
    const misnumbered: Migration = { version: migrations.length + 2, name: 'test: gap', up: async () => undefined };
    await expect(open(path, [...migrations, misnumbered])).rejects.toThrow(`expected ${migrations.length + 1}`);
  });
});
