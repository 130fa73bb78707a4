import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Database } from '../../src-main/db/database';
import { migrations as allMigrations, type Migration } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open-database';
import { tempDir } from './temp-dir';

/** A real database file in a fresh folder, migrated to `migrations`, closed when the test ends. */
export async function openTestDatabase(migrations: readonly Migration[] = allMigrations): Promise<{ db: Database; dir: string; path: string }> {
  const dir = await tempDir();
  const path = join(dir, 'promemoria.sqlite');
  const { db } = await openDatabase({ path, migrations, backupsDir: join(dir, 'backups'), now: () => Date.UTC(2026, 10, 24) });
  onTestFinished(() => db.close());
  return { db, dir, path };
}
