import type { Database } from '../db/database';
import type { SettingsService } from '../domain/settings-service';
import type { Clock } from './clock';
import type { EventHub } from './event-hub';
import type { Logger } from './logger';
import type { ReminderEngine } from './reminder-engine';
import type { RandomSource } from './random';
import type { SmsChannel } from './sms-channel';
import type { StoreService } from './store-service';

/** What every domain's handlers may use; each domain builds its own services from these. */
export interface HandlerDeps {
  db: Database;
  clock: Clock;
  random: RandomSource;
  log: Logger;
  events: EventHub;
  settings: SettingsService;
  store: StoreService;
  sms: SmsChannel;
  reminders: ReminderEngine;
  info: { version: string; dataDir: string; demo: boolean };
}

/** Who the audit log names for changes made through the API (one office PC, one shared user). */
export const API_ACTOR = 'office';
