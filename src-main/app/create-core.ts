import type { Handlers } from '../contract/methods';
import type { Database } from '../db/database';
import { migrations, LATEST_SCHEMA_VERSION } from '../db/migrations';
import { openDatabase } from '../db/open-database';
import { appendAudit } from '../db/repositories/audit-log';
import { SettingsRepository } from '../db/repositories/settings-repository';
import { SettingsService } from '../domain/settings-service';
import { systemTimeZone } from '../domain/time-zone';
import { systemClock, type Clock } from './clock';
import { backupsDirIn, databasePathIn } from './data-dir';
import { seedDemoOffice } from './demo-office';
import { EventHub } from './event-hub';
import { API_ACTOR } from './handler-deps';
import { RetentionJob } from '../domain/privacy/retention-job';
import { acquireDispatchLock, type DispatchLock } from './dispatch-lock';
import { createHandlers } from './handlers';
import { consoleLogger, type Logger } from './logger';
import { cryptoRandom, type RandomSource } from './random';
import { ReminderEngine } from './reminder-engine';
import { MemorySecretStore, type SecretStore } from './secret-store';
import { SmsChannel } from './sms-channel';
import { StoreService } from './store-service';
import { systemTimers, type Timers } from './timers';
import { APP_VERSION } from './version';
import { BackupJob } from './backup-job';
import { applyPendingRestore } from './restore';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  /** Where the reminder engine schedules its wake-ups; tests with a fake clock pass matching timers. */
  timers?: Timers;
  random?: RandomSource;
  log?: Logger;
  /** Fill an empty database with the demo office. */
  demo?: boolean;
  /** Defaults to the computer's time zone; tests pin it. */
  systemTimeZone?: string;
  /** Where the SMPP password and SIM PIN live; the desktop app passes the OS key store. */
  secrets?: SecretStore;
  /**
   * Connect the SMS channel (default true). CLI commands that send nothing pass false,
   * so a backup never binds a second SMPP session or grabs the modem's port.
   */
  startSms?: boolean;
  /**
   * Plan and send reminders (default: the same as startSms). Only one process may
   * dispatch from a data folder at a time: the desktop app, `npm run web` and
   * `cli run` do; one-shot CLI commands do not.
   */
  dispatch?: boolean;
}

export interface Core {
  api: Handlers;
  events: EventHub;
  sms: SmsChannel;
  reminders: ReminderEngine;
  log: Logger;
  dataDir: string;
  /** Closes everything the core started. Safe to call twice. */
  dispose(): Promise<void>;
}

/**
 * Builds every service over one database connection. The Electron shell, the web
 * bridge and the CLI are thin entries over what this returns.
 * Throws StoreRefusedError when the database cannot be used.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? consoleLogger;
  // A restore staged from Settings is swapped in before the database opens (the current one is copied to backups/ first).
  const restored = await applyPendingRestore({ dataDir: options.dataDir, migrations, now: () => clock.now(), log });
  if (restored) log.info(`database restored from a backup; the previous one was kept at ${restored.safetyCopy ?? '(there was none)'}`);
  const { db, previousVersion, preMigrationBackup } = await openDatabase({
    path: databasePathIn(options.dataDir),
    backupsDir: backupsDirIn(options.dataDir),
    migrations,
    now: () => clock.now(),
  });
  if (preMigrationBackup) log.info(`database upgraded from version ${previousVersion}; copy kept at ${preMigrationBackup}`);

  try {
    if (preMigrationBackup) {
      // The copy holds everyone's data: the audit log says it was made (not where: paths name people).
      await appendAudit(db, clock.now(), { actor: 'system', action: 'store.backup', detail: JSON.stringify({ reason: 'before upgrade', fromVersion: previousVersion }) });
    }
    const demo = options.demo ?? false;
    const random = options.random ?? cryptoRandom;
    if (demo && (await isEmpty(db))) await seedDemoOffice(db, random, clock.now());

    const events = new EventHub();
    const settingsRepository = new SettingsRepository(db);
    const settings = new SettingsService(settingsRepository, options.systemTimeZone ?? systemTimeZone());
    const sms = await SmsChannel.open({
      clock,
      random,
      log,
      events,
      settings: settingsRepository,
      secrets: options.secrets ?? new MemorySecretStore(),
    }, options.startSms ?? true);
    const store = new StoreService(db, LATEST_SCHEMA_VERSION, () => sms.status());
    const reminders = new ReminderEngine({
      db,
      clock,
      timers: options.timers ?? systemTimers,
      random,
      log,
      events,
      settings,
      settingsRepository,
      sms,
      actor: API_ACTOR,
    });
    let lock: DispatchLock | undefined;
    // The daily retention pass runs where reminders are sent: one process per data folder.
    let retention: RetentionJob | undefined;
    // The daily backup too: one process per data folder.
    let backups: BackupJob | undefined;
    if (options.dispatch ?? options.startSms ?? true) {
      const acquired = await acquireDispatchLock(options.dataDir);
      if ('lock' in acquired) {
        lock = acquired.lock;
        await reminders.start();
        retention = new RetentionJob({ db, clock, timers: options.timers ?? systemTimers, log, settings });
        retention.start();
        backups = new BackupJob({ db, dataDir: options.dataDir, settings: settingsRepository, clock, timers: options.timers ?? systemTimers, log });
        backups.start();
      } else {
        const { pid, host } = acquired.heldBy;
        reminders.sendingElsewhere = `process ${pid} on ${host}`;
        log.warn(`reminders are being sent by another Promemoria (process ${pid} on ${host}); this one will not send`);
      }
    }
    const api = createHandlers({
      db,
      clock,
      random,
      log,
      events,
      settings,
      store,
      sms,
      reminders,
      info: { version: APP_VERSION, dataDir: options.dataDir, demo },
    });

    let disposed: Promise<void> | undefined;
    return {
      api,
      events,
      sms,
      reminders,
      log,
      dataDir: options.dataDir,
      dispose() {
        disposed ??= (async () => {
          await retention?.stop();
          await backups?.stop();
          // Stop claiming, let the channel answer (or fail) what is in flight, then write those answers down.
          await reminders.stop();
          await sms.close();
          await reminders.drain();
          await lock?.release();
          events.clear();
          await db.close();
        })();
        return disposed;
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}

async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.get<{ n: number }>('SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM appointments) AS n');
  return (row?.n ?? 0) === 0;
}
