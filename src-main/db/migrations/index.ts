import type { Migration } from './migration';
import { initialSchema } from './001-initial-schema';
import { clientSearch } from './002-client-search';
import { reminderEngine } from './003-reminder-engine';
import { privacy } from './004-privacy';

export type { Migration } from './migration';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [initialSchema, clientSearch, reminderEngine, privacy];

export const LATEST_SCHEMA_VERSION = migrations.length;
