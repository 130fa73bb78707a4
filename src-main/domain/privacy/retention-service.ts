import type { Clock } from '../../app/clock';
import type { Logger } from '../../app/logger';
import {
  defaultRetentionSettings,
  retentionRunSchema,
  retentionSettingsSchema,
  type RetentionRun,
  type RetentionSettings,
  type RetentionState,
} from '../../contract/erasure-methods';
import type { Database } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit-log';
import { RetentionRepository } from '../../db/repositories/retention-repository';
import { SettingsRepository } from '../../db/repositories/settings-repository';
import type { SettingsService } from '../settings-service';
import { scrubDatabaseFile, withSecureDelete } from './database-scrub';
import { civilDateText, officeDay, periodCutoff } from './office-day';

export const RETENTION_KEY = 'privacy.retention';
export const LAST_RUN_KEY = 'privacy.retention.lastRun';

export interface RetentionServiceDeps {
  db: Database;
  clock: Clock;
  /** For the office's time zone: periods are counted in office days. */
  settings: SettingsService;
  log: Logger;
  actor: string;
}

/**
 * Retention: how long message texts, replies and audit entries are kept, and the
 * pass that applies it (daily, by RetentionJob, or by hand). One pass, in one
 * transaction: texts of messages created before their cutoff are blanked (the rows
 * and states stay, so counts and delivery rates stay true), replies received before
 * theirs are deleted, audit entries older than theirs are deleted through the gate.
 * Messages still queued or being sent are never touched, and nothing of a client
 * under an active legal hold is. What it removed goes into the audit log (when
 * anything was, or when run by hand), and the file is rewritten so no copy remains.
 */
export class RetentionService {
  private readonly repository = new RetentionRepository();
  private readonly settingsStore: SettingsRepository;

  constructor(private readonly deps: RetentionServiceDeps) {
    this.settingsStore = new SettingsRepository(deps.db);
  }

  async settings(): Promise<RetentionSettings> {
    const stored = retentionSettingsSchema.safeParse(await this.settingsStore.read(RETENTION_KEY));
    // A value that no longer fits (older or hand-edited) falls back to the defaults.
    return stored.success ? stored.data : defaultRetentionSettings;
  }

  async lastRun(): Promise<RetentionRun | null> {
    const stored = retentionRunSchema.safeParse(await this.settingsStore.read(LAST_RUN_KEY));
    return stored.success ? stored.data : null;
  }

  async state(): Promise<RetentionState> {
    return { settings: await this.settings(), lastRun: await this.lastRun() };
  }

  /** Stores the periods (audited as a settings change); the next pass applies them. */
  async update(settings: RetentionSettings, actor: string): Promise<RetentionState> {
    await this.settingsStore.write({ [RETENTION_KEY]: settings }, actor, this.deps.clock.now());
    return this.state();
  }

  async run(trigger: RetentionRun['trigger']): Promise<RetentionRun> {
    const { db, clock, log } = this.deps;
    const periods = await this.settings();
    const { timeZone } = await this.deps.settings.get();
    const now = clock.now();
    const todayDate = officeDay(now, timeZone);
    const today = civilDateText(todayDate);
    const cutoffs = {
      messageTexts: periodCutoff(todayDate, periods.messageMonths, timeZone),
      replies: periodCutoff(todayDate, periods.repliesMonths, timeZone),
      auditLog: periodCutoff(todayDate, periods.auditYears * 12, timeZone),
    };

    const { removed, heldBack } = await db.transaction((tx) =>
      withSecureDelete(tx, async () => {
        const texts = await this.repository.blankMessageTexts(tx, cutoffs.messageTexts, today);
        const replies = await this.repository.deleteReplies(tx, cutoffs.replies, today);
        const auditEntries = await this.repository.deleteAuditEntries(tx, cutoffs.auditLog);
        const counts = { removed: { messageTexts: texts.blanked, replies: replies.deleted, auditEntries }, heldBack: texts.held + replies.held };
        if (trigger === 'manual' || anything(counts.removed)) {
          await appendAudit(tx, now, {
            actor: this.deps.actor,
            action: 'privacy.retention.run',
            entity: 'retention',
            detail: JSON.stringify({ trigger, ...counts.removed, heldBack: counts.heldBack }),
          });
        }
        return counts;
      }),
    );

    // A pass that removed nothing freed nothing: no need to rewrite the file (unless asked to by hand).
    const fileScrubbed = trigger === 'manual' || anything(removed) ? await scrubDatabaseFile(db, log) : false;
    const run: RetentionRun = { at: now, trigger, cutoffs, removed, heldBack, fileScrubbed };
    await this.repository.writeLastRun(db, LAST_RUN_KEY, run, now);
    if (anything(removed)) {
      log.info(`retention: ${removed.messageTexts} message texts, ${removed.replies} replies, ${removed.auditEntries} audit entries removed`);
    }
    return run;
  }
}

function anything(removed: RetentionRun['removed']): boolean {
  return removed.messageTexts + removed.replies + removed.auditEntries > 0;
}
