import type { SqlExecutor } from '../sqlite-connection';

/**
 * One schema step. Migrations are append-only: once released, a migration is never
 * edited; a change is a new, higher-numbered migration.
 */
export interface Migration {
  version: number;
  name: string;
  up(tx: SqlExecutor): Promise<void>;
}
