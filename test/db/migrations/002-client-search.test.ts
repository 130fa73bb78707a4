import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialSchema } from '../../../src-main/db/migrations/001-initial-schema';
import { clientSearch } from '../../../src-main/db/migrations/002-client-search';
import type { Database } from '../../../src-main/db/database';
import { openDatabase } from '../../../src-main/db/open-database';
import { openTestDatabase } from '../../support/open-test-database';
import { tempDir } from '../../support/temp-dir';

/** A client row; `extra` sets more columns, e.g. { archived_at: 5 }. */
const insert = (db: Database, first: string, last: string, mobile: string | null, extra: Record<string, number> = {}) => {
  const columns = ['first_name', 'last_name', 'mobile', 'created_at', 'updated_at', ...Object.keys(extra)];
  const values = [first, last, mobile, 0, 0, ...Object.values(extra)];
  return db.run(`INSERT INTO clients (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, values);
};

/** Ids matching an FTS query, in id order. */
const ids = async (db: Database, match: string) =>
  (await db.all<{ rowid: number }>('SELECT rowid FROM clients_search WHERE clients_search MATCH ? ORDER BY rowid', [match])).map((r) => r.rowid);

describe('migration 002: client search index', () => {
  it('indexes the clients already there when an old database is upgraded, but not erased ones', async () => {
    const dir = await tempDir();
    const path = join(dir, 'promemoria.sqlite');
    const open = (migrations: typeof initialSchema[]) => openDatabase({ path, migrations, backupsDir: join(dir, 'backups'), now: () => 0 });
    const old = await open([initialSchema]);
    await insert(old.db, 'Mario', 'Rossi', '+393331112222');
    await insert(old.db, 'Nicolò', 'De Luca', null, { archived_at: 5 });
    await insert(old.db, 'Erased', 'Person', '+393339998888', { erased_at: 5 });
    await old.db.close();

    const { db } = await open([initialSchema, clientSearch]);
    try {
      expect(await ids(db, 'name : ross*')).toEqual([1]);
      expect(await ids(db, 'phone : 1112*')).toEqual([1]);
      expect(await ids(db, 'name : nicolo* AND state : archived')).toEqual([2]);
      expect(await ids(db, 'name : erased*')).toEqual([]);
      expect(await ids(db, 'phone : 999*')).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('finds name beginnings regardless of case and accents, and digits anywhere in the mobile', async () => {
    const { db } = await openTestDatabase([initialSchema, clientSearch]);
    await insert(db, 'Nicolò', "D'Angelo", '+393335556666');
    expect(await ids(db, 'name : "NICOLO"*')).toEqual([1]);
    expect(await ids(db, 'name : "ange"*')).toEqual([1]);
    expect(await ids(db, 'name : "ngelo"*')).toEqual([]);
    for (const digits of ['39333', '3335556666', '5556', '66']) expect(await ids(db, `phone : "${digits}"*`)).toEqual([1]);
    expect(await ids(db, 'phone : "3336"*')).toEqual([]);
  });

  it('follows every change through its triggers: new, renamed, new mobile, archived, erased, deleted', async () => {
    const { db } = await openTestDatabase([initialSchema, clientSearch]);
    await insert(db, 'Mario', 'Rossi', '+393331112222');
    await insert(db, 'Anna', 'Bianchi', null);
    expect(await ids(db, 'name : rossi*')).toEqual([1]);

    await db.run("UPDATE clients SET last_name = 'Verdi', mobile = '+393479990000' WHERE id = 1");
    expect(await ids(db, 'name : rossi*')).toEqual([]);
    expect(await ids(db, 'name : verdi*')).toEqual([1]);
    expect(await ids(db, 'phone : 1112*')).toEqual([]);
    expect(await ids(db, 'phone : 9990*')).toEqual([1]);

    await db.run('UPDATE clients SET archived_at = 10 WHERE id = 1');
    expect(await ids(db, 'name : verdi* NOT state : archived')).toEqual([]);
    expect(await ids(db, 'name : verdi* AND state : archived')).toEqual([1]);
    await db.run('UPDATE clients SET archived_at = NULL WHERE id = 1');
    expect(await ids(db, 'name : verdi* NOT state : archived')).toEqual([1]);

    // A column the index does not hold leaves it alone.
    await db.run("UPDATE clients SET notes = 'x' WHERE id = 2");
    expect(await ids(db, 'name : anna*')).toEqual([2]);

    await db.run("UPDATE clients SET erased_at = 20, first_name = '', last_name = '', mobile = NULL WHERE id = 1");
    expect(await ids(db, 'name : verdi*')).toEqual([]);
    await db.run('DELETE FROM clients WHERE id = 2');
    expect(await ids(db, 'name : anna*')).toEqual([]);
    expect(await db.get('SELECT count(*) AS n FROM clients_search')).toEqual({ n: 0 });
  });

  it('adds the partial indexes the list walks, one per order', async () => {
    const { db } = await openTestDatabase([initialSchema, clientSearch]);
    const names = (await db.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'clients_a%' ORDER BY name")).map(
      (r) => r.name,
    );
    expect(names).toEqual(['clients_active_by_created', 'clients_active_by_first_name', 'clients_active_by_last_name', 'clients_archived_by_last_name']);
    const plan = await db.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT id FROM clients WHERE archived_at IS NULL AND erased_at IS NULL
        ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id LIMIT 50`,
    );
    expect(plan.map((r) => r.detail).join('\n')).toMatch(/USING (COVERING )?INDEX clients_active_by_last_name/);
    expect(plan.map((r) => r.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
