import type { Database } from '../db/database';
import type { SettingsRepository } from '../db/repositories/settings-repository';
import { backupsFolder, lastAutomaticBackup, writeBackup } from './backup-files';
import type { Clock } from './clock';
import type { Logger } from './logger';
import { RecurringLook, type Timers } from './timers';

export const BACKUP_INTERVAL_MS = 24 * 3600_000;
/** After start-up, the first look waits this long, so opening the app is not slowed. */
export const BACKUP_FIRST_LOOK_MS = 60_000;
/** The longest sleep between looks (a laptop that slept, a USB drive plugged back in); a failed copy is retried after it too. */
export const BACKUP_LOOK_EVERY_MS = 3600_000;

export interface BackupJobDeps {
  db: Database;
  dataDir: string;
  settings: SettingsRepository;
  clock: Clock;
  timers: Timers;
  log: Logger;
  actor?: string;
}

/**
 * The daily automatic backup. The time of the last one is the newest automatic
 * copy in the backups folder, so a restart does not copy again and a PC that was
 * off for a week copies a minute after it starts. Started by whoever holds the
 * dispatch lock (one process per data folder); stop() waits for a copy under way.
 */
export class BackupJob {
  private readonly looks: RecurringLook;

  constructor(private readonly deps: BackupJobDeps) {
    this.looks = new RecurringLook(deps.timers, () => this.look());
  }

  start(): void {
    this.looks.start(BACKUP_FIRST_LOOK_MS);
  }

  stop(): Promise<void> {
    return this.looks.stop();
  }

  /** Copies if the last automatic copy is a day old (or in the future: the clock was set back), then sleeps at most an hour. */
  private async look(): Promise<number> {
    const { clock, log } = this.deps;
    let next = BACKUP_LOOK_EVERY_MS;
    try {
      const folder = await backupsFolder(this.deps.settings, this.deps.dataDir);
      const last = await lastAutomaticBackup(folder.path);
      const now = clock.now();
      const due = last === undefined || last > now ? now : last + BACKUP_INTERVAL_MS;
      if (!this.looks.isStopped && now >= due) {
        const outcome = await writeBackup(this.deps.db, folder.path, 'auto', now, this.deps.actor ?? 'system');
        log.info(`daily backup written (${outcome.bytes} bytes, integrity ${outcome.integrity}; ${outcome.removed} old copies removed)`);
        next = now + BACKUP_INTERVAL_MS - clock.now();
      } else {
        next = due - now;
      }
    } catch (err) {
      log.error('the daily backup failed; it will be tried again within the hour', err);
    }
    return Math.min(next, BACKUP_LOOK_EVERY_MS);
  }
}
