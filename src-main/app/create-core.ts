import type { Handlers } from '../contract/methods';
import type { Database } from '../db/database';
import { migrations, LATEST_SCHEMA_VERSION } from '../db/migrations';
import { openDatabase } from '../db/open-database';
import { SettingsRepository } from '../db/repositories/settings-repository';
import { SettingsService } from '../domain/settings-service';
import { systemTimeZone } from '../domain/time-zone';
import { systemClock, type Clock } from './clock';
import { backupsDirIn, databasePathIn } from './data-dir';
import { seedDemoOffice } from './demo-office';
import { currentChannelStatus } from '../sms/channel-status';
import { EventHub } from './event-hub';
import { createHandlers } from './handlers';
import { consoleLogger, type Logger } from './logger';
import { cryptoRandom, type RandomSource } from './random';
import { StoreService } from './store-service';
import { APP_VERSION } from './version';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  random?: RandomSource;
  log?: Logger;
  /** Fill an empty database with the demo office. */
  demo?: boolean;
  /** Defaults to the computer's time zone; tests pin it. */
  systemTimeZone?: string;
}

export interface Core {
  api: Handlers;
  events: EventHub;
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
  const { db, previousVersion, preMigrationBackup } = await openDatabase({
    path: databasePathIn(options.dataDir),
    backupsDir: backupsDirIn(options.dataDir),
    migrations,
    now: () => clock.now(),
  });
  if (preMigrationBackup) log.info(`database upgraded from version ${previousVersion}; copy kept at ${preMigrationBackup}`);

  try {
    const demo = options.demo ?? false;
    const random = options.random ?? cryptoRandom;
    if (demo && (await isEmpty(db))) await seedDemoOffice(db, random, clock.now());

    const events = new EventHub();
    const settings = new SettingsService(new SettingsRepository(db), options.systemTimeZone ?? systemTimeZone());
    const store = new StoreService(db, LATEST_SCHEMA_VERSION, currentChannelStatus);
    const api = createHandlers({
      db,
      clock,
      random,
      log,
      events,
      settings,
      store,
      info: { version: APP_VERSION, dataDir: options.dataDir, demo },
    });

    let disposed: Promise<void> | undefined;
    return {
      api,
      events,
      log,
      dataDir: options.dataDir,
      dispose() {
        disposed ??= (async () => {
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
