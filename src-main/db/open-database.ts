import { constants } from 'node:fs';
import { access, mkdir, open, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Database } from './database';
import type { Migration } from './migrations/migration';
import { SqliteConnection, errorCode } from './sqlite-connection';
import { StoreRefusedError, refusalMessage, type RefusalReason } from './store-refused-error';

/** Written into the file header so that we recognise our own databases ("PRMO"). */
export const APPLICATION_ID = 0x50524d4f;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const BUSY_TIMEOUT_MS = 5000;

export interface OpenDatabaseOptions {
  path: string;
  migrations: readonly Migration[];
  /** Where the copy taken before a migration goes. */
  backupsDir: string;
  /** For naming the pre-migration backup. */
  now: () => number;
}

export interface OpenedDatabase {
  db: Database;
  schemaVersion: number;
  /** The version found on disk before migrating (0 for a new file). */
  previousVersion: number;
  /** The copy taken before migrating an existing database, if any. */
  preMigrationBackup: string | undefined;
}

/**
 * Opens (or creates) the office database, refusing any file we cannot safely use.
 * Every check runs on a read-only connection first, so a refused file is left
 * byte for byte as it was.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { path, migrations } = options;
  assertMigrationsNumbered(migrations);
  const latest = migrations.length;

  const exists = await inspectFile(path);
  const previousVersion = exists ? await preflight(path, latest) : 0;

  await mkdir(dirname(path), { recursive: true }).catch((err: unknown) => {
    throw refuse('read-only', path, describe(err));
  });
  await assertWritable(path, exists);
  const connection = await SqliteConnection.open(path, 'readwrite-create').catch((err: unknown) => {
    throw refuse('unreadable', path, describe(err));
  });
  const db = new Database(connection, path);
  try {
    connection.setBusyTimeout(BUSY_TIMEOUT_MS);
    await connection.get('PRAGMA journal_mode = WAL').catch((err: unknown) => {
      const code = errorCode(err) ?? '';
      if (code === 'SQLITE_BUSY') throw refuse('in-use', path, describe(err));
      if (/^SQLITE_(READONLY|CANTOPEN|PERM|IOERR)/.test(code)) throw refuse('read-only', path, describe(err));
      throw err;
    });
    await connection.exec('PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;');

    let preMigrationBackup: string | undefined;
    if (previousVersion < latest) {
      if (previousVersion > 0) {
        preMigrationBackup = await backupBeforeMigration(db, options, previousVersion, latest);
      }
      await db.transaction(async (tx) => {
        for (const migration of migrations.slice(previousVersion)) {
          await migration.up(tx);
        }
        if (previousVersion === 0) await tx.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
        await tx.exec(`PRAGMA user_version = ${latest}`);
      });
    }
    return { db, schemaVersion: latest, previousVersion, preMigrationBackup };
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

/**
 * SQLite opens a file it may not write read-only without a word, and every later
 * write fails: refuse at the door instead. The folder must be writable too, for
 * the WAL and the backups beside the file.
 */
async function assertWritable(path: string, exists: boolean): Promise<void> {
  const targets = exists ? [path, dirname(path)] : [dirname(path)];
  for (const target of targets) {
    await access(target, constants.W_OK).catch((err: unknown) => {
      throw refuse('read-only', path, describe(err));
    });
  }
}

/** True when there is a file with content to check; false for a new (absent or empty) file. */
async function inspectFile(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw refuse('not-a-database', path, 'it is a folder');
    return info.size > 0;
  } catch (err) {
    if (err instanceof StoreRefusedError) throw err;
    if (errorCode(err) === 'ENOENT') return false;
    throw refuse('unreadable', path, describe(err));
  }
}

/**
 * Header, identity, integrity and version, all read-only. Returns the schema version on disk.
 * Throws StoreRefusedError (not-a-database, not-ours, corrupt, too-new…) with a message for the desk.
 * Restore runs it on a copy of the file to restore.
 */
export async function preflight(path: string, latest: number): Promise<number> {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  try {
    const handle = await open(path, 'r');
    try {
      await handle.read(header, 0, header.length, 0);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw refuse('unreadable', path, describe(err));
  }
  if (!header.equals(SQLITE_HEADER)) throw refuse('not-a-database', path, '');

  // Left by a crash or by another program using the file: then it must be read too.
  const walPending = await stat(`${path}-wal`).then(
    (info) => info.size > 0,
    () => false,
  );
  let connection: SqliteConnection;
  try {
    connection = await SqliteConnection.open(path, walPending ? 'readonly' : 'inspect');
  } catch (err) {
    throw refuse('unreadable', path, describe(err));
  }
  try {
    const integrity = await connection.all<{ quick_check: string }>('PRAGMA quick_check(5)');
    const problems = integrity.map((row) => row.quick_check).filter((line) => line !== 'ok');
    if (problems.length > 0) throw refuse('corrupt', path, problems.join('; '));

    const appId = (await connection.get<{ application_id: number }>('PRAGMA application_id'))?.application_id ?? 0;
    const version = (await connection.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
    const tables = (await connection.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_schema"))?.n ?? 0;
    // A database that is not new and not marked as ours belongs to someone else.
    if (appId !== APPLICATION_ID && (appId !== 0 || version !== 0 || tables > 0)) {
      throw refuse('not-ours', path, '');
    }
    if (version > latest) {
      throw refuse('too-new', path, `data version ${version}; this version understands up to ${latest}`);
    }
    return version;
  } catch (err) {
    if (err instanceof StoreRefusedError) throw err;
    const code = errorCode(err);
    if (code === 'SQLITE_NOTADB') throw refuse('not-a-database', path, '');
    if (code === 'SQLITE_CORRUPT') throw refuse('corrupt', path, 'the database disk image is malformed');
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw refuse('in-use', path, describe(err));
    throw refuse('unreadable', path, describe(err));
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function backupBeforeMigration(
  db: Database,
  options: OpenDatabaseOptions,
  from: number,
  to: number,
): Promise<string> {
  await mkdir(options.backupsDir, { recursive: true });
  const stamp = new Date(options.now()).toISOString().replace(/[:.]/g, '-');
  const target = join(options.backupsDir, `before-upgrade-v${from}-to-v${to}-${stamp}.sqlite`);
  await db.vacuumInto(target);
  return target;
}

function assertMigrationsNumbered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" is numbered ${migration.version}, expected ${index + 1}`);
    }
  });
}

function refuse(reason: RefusalReason, path: string, detail: string): StoreRefusedError {
  return new StoreRefusedError(reason, path, refusalMessage(reason, path, detail));
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
