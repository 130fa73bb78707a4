import { ApiError } from '../contract/errors';
import type { StoreHealth, SmsChannelStatus } from '../contract/schemas';
import { backupDatabase, BackupTargetExistsError, type BackupResult } from '../db/backup';
import type { Database } from '../db/database';
import { appendAudit } from '../db/repositories/audit-log';
import { errorCode } from '../db/sqlite-connection';
import type { Clock } from './clock';

/** Health and backup of the live store, for `doctor`, the settings screen and the CLI. */
export class StoreService {
  constructor(
    private readonly db: Database,
    private readonly latestSchemaVersion: number,
    private readonly channelStatus: () => SmsChannelStatus,
  ) {}

  /** Cheap, for every UI start; health() also reads the whole file. */
  async schemaVersion(): Promise<number> {
    return (await this.db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
  }

  async health(): Promise<StoreHealth> {
    const schemaVersion = await this.schemaVersion();
    const rows = await this.db.all<{ quick_check: string }>('PRAGMA quick_check(5)');
    const integrity = rows.map((row) => row.quick_check).join('; ');
    const smsChannel = this.channelStatus();
    const problems: string[] = [];
    if (integrity !== 'ok') problems.push(`integrity check failed: ${integrity}`);
    if (schemaVersion !== this.latestSchemaVersion) {
      problems.push(`schema version ${schemaVersion}, expected ${this.latestSchemaVersion}`);
    }
    if (!smsChannel.healthy) problems.push(`SMS channel: ${smsChannel.detail}`);
    return {
      databasePath: this.db.path,
      schemaVersion,
      latestSchemaVersion: this.latestSchemaVersion,
      integrity,
      smsChannel,
      healthy: problems.length === 0,
      problems,
    };
  }

  /** A checked copy of the database at `path`; once written, the audit log records it (size and check, not the path). */
  async backup(path: string, overwrite: boolean, actor: string, clock: Clock): Promise<BackupResult> {
    try {
      const result = await backupDatabase(this.db, path, overwrite);
      await appendAudit(this.db, clock.now(), { actor, action: 'store.backup', detail: JSON.stringify({ bytes: result.bytes, integrity: result.integrity }) });
      return result;
    } catch (err) {
      if (err instanceof BackupTargetExistsError) throw new ApiError('CONFLICT', err.message, 'path');
      const code = errorCode(err);
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC' || code === 'SQLITE_CANTOPEN') {
        throw new ApiError('VALIDATION', `Cannot write the backup to ${path} (${code})`, 'path');
      }
      throw err;
    }
  }
}
