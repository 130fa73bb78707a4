import type { Clock } from '../../app/clock';
import type { Logger } from '../../app/logger';
import { RecurringLook, type Timers } from '../../app/timers';
import type { Database } from '../../db/database';
import type { SettingsService } from '../settings-service';
import { RetentionService } from './retention-service';

export const RETENTION_INTERVAL_MS = 24 * 3600_000;
/** After start-up, the first look waits this long, so opening the app is not slowed. */
export const RETENTION_FIRST_LOOK_MS = 60_000;
/**
 * The longest sleep between looks: a wall clock that jumped (a laptop that slept,
 * a clock set by hand) is noticed within this. A failed pass is tried again after it too.
 */
export const RETENTION_LOOK_EVERY_MS = 3600_000;

export interface RetentionJobDeps {
  db: Database;
  clock: Clock;
  timers: Timers;
  log: Logger;
  settings: SettingsService;
  /** Who the audit log names for the daily pass: "system" (Promemoria on its own) by default. */
  actor?: string;
}

/**
 * Applies the retention periods once a day: a pass runs when the last one (by
 * anyone: the job, "Run now", another process) is 24 hours old, or was never run.
 * The time of the last pass is in the database, so restarting the app does not
 * run it again, and an office PC that was off for a week runs it a minute after
 * it starts. Started by whoever holds the dispatch lock; stop() waits for a pass
 * under way to finish.
 */
export class RetentionJob {
  readonly service: RetentionService;
  private readonly looks: RecurringLook;

  constructor(private readonly deps: RetentionJobDeps) {
    this.looks = new RecurringLook(deps.timers, () => this.look());
    this.service = new RetentionService({
      db: deps.db,
      clock: deps.clock,
      settings: deps.settings,
      log: deps.log,
      actor: deps.actor ?? 'system',
    });
  }

  start(): void {
    this.looks.start(RETENTION_FIRST_LOOK_MS);
  }

  stop(): Promise<void> {
    return this.looks.stop();
  }

  /** Runs the pass if it is due, then sleeps until the next one is (at most an hour at a time). */
  private async look(): Promise<number> {
    const { clock, log } = this.deps;
    let next = RETENTION_LOOK_EVERY_MS;
    try {
      const last = await this.service.lastRun();
      const now = clock.now();
      // A last pass "in the future" means the clock was set back: run now (an earlier clock removes less, never more).
      const due = last === null || last.at > now ? now : last.at + RETENTION_INTERVAL_MS;
      if (!this.looks.isStopped && now >= due) {
        const run = await this.service.run('daily');
        next = run.at + RETENTION_INTERVAL_MS - clock.now();
      } else {
        next = due - now;
      }
    } catch (err) {
      log.error('the daily retention pass failed; it will be tried again within the hour', err);
    }
    return Math.min(next, RETENTION_LOOK_EVERY_MS);
  }
}
