import { access, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Database } from './database';
import { SqliteConnection } from './sqlite-connection';

export interface BackupResult {
  path: string;
  bytes: number;
  /** "ok", or what PRAGMA quick_check said of the copy. */
  integrity: string;
}

export class BackupTargetExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; choose another file name or allow overwriting`);
    this.name = 'BackupTargetExistsError';
  }
}

/**
 * An online, consistent copy of the live database (VACUUM INTO), checked with
 * quick_check before it takes the target's name, so a half-written or bad copy
 * never sits where the user expects a good one.
 */
export async function backupDatabase(db: Database, target: string, overwrite: boolean): Promise<BackupResult> {
  if (!overwrite && (await exists(target))) throw new BackupTargetExistsError(target);
  await mkdir(dirname(target), { recursive: true });
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  await unlink(partial).catch(() => undefined);
  try {
    await db.vacuumInto(partial);
    const integrity = await quickCheck(partial);
    if (integrity !== 'ok') throw new Error(`the backup copy failed its integrity check: ${integrity}`);
    await rename(partial, target);
    return { path: target, bytes: (await stat(target)).size, integrity };
  } finally {
    await unlink(partial).catch(() => undefined);
  }
}

/** PRAGMA quick_check on a file, read-only: "ok" or the problems found. */
export async function quickCheck(path: string): Promise<string> {
  const connection = await SqliteConnection.open(path, 'inspect');
  try {
    const rows = await connection.all<{ quick_check: string }>('PRAGMA quick_check(5)');
    return rows.map((row) => row.quick_check).join('; ');
  } finally {
    await connection.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
