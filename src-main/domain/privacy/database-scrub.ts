import type { Logger } from '../../app/logger';
import type { Database } from '../../db/database';
import type { SqlExecutor } from '../../db/sqlite-connection';

/**
 * Runs `body` with SQLite's secure_delete on, so the cells and pages it frees are
 * overwritten with zeros rather than left in free space, then restores the setting
 * the connection had. A safety net only: the space freed before (by earlier edits
 * of the same rows) is not zeroed by it; scrubDatabaseFile() is what clears that.
 */
export async function withSecureDelete<T>(tx: SqlExecutor, body: () => Promise<T>): Promise<T> {
  const before = (await tx.get<{ secure_delete: number }>('PRAGMA secure_delete'))?.secure_delete ?? 0;
  await tx.exec('PRAGMA secure_delete = ON');
  try {
    return await body();
  } finally {
    await tx.exec(`PRAGMA secure_delete = ${before === 1 ? 'ON' : before === 2 ? 'FAST' : 'OFF'}`).catch(() => undefined);
  }
}

/**
 * Leaves no old copy of deleted data in the database file or its write-ahead log:
 * - VACUUM rebuilds the file from the live rows only. Deleted and overwritten rows
 *   otherwise linger in free space inside pages and on free pages: every edit of a
 *   message's state, every name corrected, leaves the old bytes behind.
 * - In WAL mode VACUUM writes the new file into the log; a TRUNCATE checkpoint then
 *   copies it into the file and empties the log, which otherwise keeps the frames
 *   of earlier transactions (with the old pages) until they are overwritten.
 * Returns false, with the reason in the log, when the log could not be emptied
 * (another program was reading the database) or the VACUUM failed (say, no room
 * on disk for the copy it builds); the data is deleted all the same.
 */
export async function scrubDatabaseFile(db: Database, log: Logger): Promise<boolean> {
  try {
    await db.exec('VACUUM');
    const checkpoint = await db.get<{ busy: number; log: number; checkpointed: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
    if (checkpoint?.busy !== 0) {
      log.warn('the database log could not be emptied after deleting personal data: another program is reading the database');
      return false;
    }
    return true;
  } catch (err) {
    log.error('the database file could not be rewritten after deleting personal data', err);
    return false;
  }
}
