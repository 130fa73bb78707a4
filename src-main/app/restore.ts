import { copyFile, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Database } from '../db/database';
import type { Migration } from '../db/migrations/migration';
import { openDatabase, preflight } from '../db/open-database';
import { appendAudit } from '../db/repositories/audit-log';
import { SqliteConnection } from '../db/sqlite-connection';
import { StoreRefusedError } from '../db/store-refused-error';
import { beforeRestoreName } from './backup-files';
import { backupsDirIn, databasePathIn } from './data-dir';
import { acquireDispatchLock } from './dispatch-lock';
import type { Logger } from './logger';

export const RESTORE_PENDING_FILE = 'restore-pending.sqlite';

export function pendingRestorePathIn(dataDir: string): string {
  return join(dataDir, RESTORE_PENDING_FILE);
}

async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

async function removeWithSidecars(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await unlink(`${path}${suffix}`).catch(() => undefined);
}

/**
 * Checks that `source` is a Promemoria backup this version can open: the same
 * preflight that guards the live database, run on a copy in the data folder, so
 * the file the user chose (maybe on a read-only USB stick) is only ever read.
 * Returns the checked copy (the caller moves or deletes it) and its data version;
 * throws StoreRefusedError with a message that names the chosen file.
 */
export async function checkedCopyOf(source: string, dataDir: string, latestVersion: number): Promise<{ copy: string; version: number }> {
  await mkdir(dataDir, { recursive: true });
  const copy = join(dataDir, `.restore-check-${process.pid}.sqlite`);
  await removeWithSidecars(copy);
  try {
    await copyFile(source, copy);
    // A copy of a live database may carry its write-ahead log: it belongs to the data.
    if (await fileExists(`${source}-wal`)) await copyFile(`${source}-wal`, `${copy}-wal`);
    const version = await preflight(copy, latestVersion);
    if (await fileExists(`${copy}-wal`)) {
      // Fold the log into the copy, so the file that replaces the database stands alone.
      const connection = await SqliteConnection.open(copy, 'readwrite-create');
      await connection.exec('PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;').finally(() => connection.close());
    }
    return { copy, version };
  } catch (err) {
    await removeWithSidecars(copy);
    if (err instanceof StoreRefusedError) throw new StoreRefusedError(err.reason, source, err.message.split(copy).join(source));
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EPERM') {
      throw new StoreRefusedError('unreadable', source, `Promemoria cannot read ${source} (${code}). Nothing was changed. Check the file name and that the drive is connected.`);
    }
    throw err;
  }
}

/**
 * For a running app: checks the file and puts the checked copy where the next
 * start will find it (restore-pending.sqlite). Nothing of the live database changes.
 */
export async function stageRestore(source: string, dataDir: string, latestVersion: number): Promise<{ version: number }> {
  const { copy, version } = await checkedCopyOf(source, dataDir, latestVersion);
  await rename(copy, pendingRestorePathIn(dataDir));
  return { version };
}

/**
 * A copy of the database about to be replaced, in backups/ as before-restore-….sqlite.
 * Nobody has it open. A consistent copy when SQLite can read it; the raw bytes
 * otherwise (a damaged database is often why one restores).
 */
async function keepSafetyCopy(dataDir: string, now: number): Promise<string | undefined> {
  const current = databasePathIn(dataDir);
  const info = await stat(current).catch(() => undefined);
  if (!info || info.size === 0) return undefined;
  const target = join(backupsDirIn(dataDir), beforeRestoreName(now));
  await mkdir(backupsDirIn(dataDir), { recursive: true });
  try {
    const connection = await SqliteConnection.open(current, 'readwrite-create');
    const db = new Database(connection, current);
    try {
      await db.vacuumInto(target);
    } finally {
      await db.close();
    }
  } catch {
    await unlink(target).catch(() => undefined);
    await copyFile(current, target);
    if (await fileExists(`${current}-wal`)) await copyFile(`${current}-wal`, `${target}-wal`);
  }
  return target;
}

export interface RestoreOutcome {
  /** Where the copy of the replaced database went (undefined when there was none). */
  safetyCopy: string | undefined;
  /** The data version of the restored file (it is upgraded to the current one). */
  restoredVersion: number;
}

export interface ApplyRestoreOptions {
  dataDir: string;
  migrations: readonly Migration[];
  now: () => number;
  actor?: string;
  log?: Logger;
}

/**
 * Replaces the database with an already checked file, with nothing holding the
 * database open: keeps a copy of the current database first, drops its log
 * files, moves the new file in, then opens it once (upgrading it if it is older,
 * with the usual before-upgrade copy) to write the restore in its audit log.
 */
export async function replaceDatabase(checkedFile: string, options: ApplyRestoreOptions): Promise<RestoreOutcome> {
  const latest = options.migrations.length;
  const restoredVersion = await preflight(checkedFile, latest); // still the file we checked?
  const safetyCopy = await keepSafetyCopy(options.dataDir, options.now());
  const current = databasePathIn(options.dataDir);
  await removeWithSidecars(current);
  await rename(checkedFile, current);
  const opened = await openDatabase({ path: current, migrations: options.migrations, backupsDir: backupsDirIn(options.dataDir), now: options.now });
  try {
    await appendAudit(opened.db, options.now(), {
      actor: options.actor ?? 'system',
      action: 'store.restore',
      detail: JSON.stringify({ restoredVersion, upgradedTo: opened.schemaVersion, safetyCopyKept: safetyCopy !== undefined }),
    });
  } finally {
    await opened.db.close();
  }
  return { safetyCopy, restoredVersion };
}

/**
 * The step before the database is opened at start-up: if a restore was staged
 * from the UI, swap it in now — unless another process holds the data folder
 * (the app that staged it is still running), which leaves it for the next start. A staged file that no longer passes the checks is
 * set aside (restore-refused-….sqlite) and the current database is left alone.
 */
export async function applyPendingRestore(options: ApplyRestoreOptions): Promise<RestoreOutcome | undefined> {
  const pending = pendingRestorePathIn(options.dataDir);
  if (!(await fileExists(pending))) return undefined;
  // The app that staged it may still be running (a CLI command started meanwhile): then wait for its restart.
  const acquired = await acquireDispatchLock(options.dataDir);
  if (!('lock' in acquired)) {
    options.log?.warn('a restore is waiting for the running Promemoria to restart');
    return undefined;
  }
  try {
    return await replaceDatabase(pending, options);
  } catch (err) {
    if (err instanceof StoreRefusedError && (await fileExists(pending))) {
      await rename(pending, join(options.dataDir, `restore-refused-${new Date(options.now()).toISOString().replace(/[:.]/g, '-')}.sqlite`));
      options.log?.error(`the staged restore was refused and set aside; the current database is kept: ${err.message}`);
      return undefined;
    }
    throw err;
  } finally {
    await acquired.lock.release();
  }
}
