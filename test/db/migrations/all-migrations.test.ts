import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src-main/db/database';
import { migrations } from '../../../src-main/db/migrations';
import { openDatabase } from '../../../src-main/db/open-database';
import { tempDir } from '../../support/temp-dir';

const now = () => Date.UTC(2026, 10, 24);

async function schemaOf(db: Database): Promise<string[]> {
  const rows = await db.all<{ type: string; name: string; sql: string | null }>(
    "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
  );
  return rows.map((row) => `${row.type} ${row.name}: ${row.sql ?? ''}`);
}

async function openAt(dir: string, upTo: number) {
  return openDatabase({
    path: join(dir, 'promemoria.sqlite'),
    migrations: migrations.slice(0, upTo),
    backupsDir: join(dir, 'backups'),
    now,
  });
}

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  // From empty (version 0) and from every earlier version, the result is the same schema.
  it.each(Array.from({ length: migrations.length }, (_, from) => from))(
    'upgrade from version %i ends at the latest schema',
    async (from) => {
      const reference = await openAt(await tempDir(), migrations.length);
      const expected = await schemaOf(reference.db);
      await reference.db.close();

      const dir = await tempDir();
      if (from > 0) await (await openAt(dir, from)).db.close();
      const upgraded = await openAt(dir, migrations.length);
      expect(upgraded.previousVersion).toBe(from);
      expect(await upgraded.db.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
      expect(await schemaOf(upgraded.db)).toEqual(expected);
      expect(await upgraded.db.all('PRAGMA foreign_key_check')).toEqual([]);
      await upgraded.db.close();
    },
  );
});
