import type { Migration } from './migration';
import { initialSchema } from './001-initial-schema';

export type { Migration } from './migration';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [initialSchema];

export const LATEST_SCHEMA_VERSION = migrations.length;
