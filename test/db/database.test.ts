import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../support/open-test-database';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Database.transaction', () => {
  it('never interleaves concurrent writers: read-modify-write loses no update', async () => {
    const { db } = await openTestDatabase();
    await db.run("INSERT INTO settings (key, value, updated_at) VALUES ('counter', '0', 0)");
    const writers = 40;
    const trace: string[] = [];
    await Promise.all(
      Array.from({ length: writers }, (_, writer) =>
        db.transaction(async (tx) => {
          trace.push(`begin ${writer}`);
          const row = await tx.get<{ value: string }>("SELECT value FROM settings WHERE key = 'counter'");
          // Yield between the read and the write: without the lock another writer would run here.
          await tick();
          await tx.run("UPDATE settings SET value = ? WHERE key = 'counter'", [String(Number(row?.value) + 1)]);
          trace.push(`end ${writer}`);
        }),
      ),
    );
    const final = await db.get<{ value: string }>("SELECT value FROM settings WHERE key = 'counter'");
    expect(final?.value).toBe(String(writers));
    // Each transaction's begin is immediately followed by its own end.
    for (let i = 0; i < trace.length; i += 2) {
      expect(trace[i + 1]).toBe(trace[i]?.replace('begin', 'end'));
    }
  });

  it('keeps single statements from other callers out of an open transaction', async () => {
    const { db } = await openTestDatabase();
    let releaseBody: () => void = () => undefined;
    const bodyMayFinish = new Promise<void>((resolve) => (releaseBody = resolve));
    const failing = db.transaction(async (tx) => {
      await tx.run("INSERT INTO settings (key, value, updated_at) VALUES ('inside', '1', 0)");
      await bodyMayFinish;
      throw new Error('abort this transaction');
    });
    // Issued while the transaction is open; it must not become part of it (and be rolled back with it).
    const outside = db.run("INSERT INTO settings (key, value, updated_at) VALUES ('outside', '1', 0)");
    await tick();
    releaseBody();
    await expect(failing).rejects.toThrow('abort this transaction');
    await outside;
    const keys = (await db.all<{ key: string }>('SELECT key FROM settings ORDER BY key')).map((row) => row.key);
    expect(keys).toEqual(['outside']);
  });

  it('rolls back everything when the body throws, and stays usable', async () => {
    const { db } = await openTestDatabase();
    await expect(
      db.transaction(async (tx) => {
        await tx.run("INSERT INTO settings (key, value, updated_at) VALUES ('a', '1', 0)");
        await tx.run("INSERT INTO settings (key, value, updated_at) VALUES ('a', '2', 0)"); // primary key clash
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.get('SELECT * FROM settings')).toBeUndefined();
    await db.transaction((tx) => tx.run("INSERT INTO settings (key, value, updated_at) VALUES ('b', '1', 0)"));
    expect(await db.get<{ key: string }>('SELECT key FROM settings')).toEqual({ key: 'b' });
  });

  it('refuses direct use of the database inside a transaction body instead of deadlocking', async () => {
    const { db } = await openTestDatabase();
    await expect(db.transaction(() => db.get('SELECT 1'))).rejects.toThrow(/use the tx handle/);
    expect(await db.get<{ one: number }>('SELECT 1 AS one')).toEqual({ one: 1 });
  });

  it('lets work started inside a body (an event listener) use the database once the transaction has ended', async () => {
    const { db } = await openTestDatabase();
    let release: () => void = () => undefined;
    const committed = new Promise<void>((resolve) => (release = resolve));
    let later: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 0)");
      // Chained inside the body, so it carries the body's async context; it runs after COMMIT.
      later = committed.then(() => db.get<{ value: string }>("SELECT value FROM settings WHERE key = 'k'"));
    });
    release();
    await expect(later).resolves.toEqual({ value: '1' });
  });

  it('opens with WAL, foreign keys on and a busy timeout', async () => {
    const { db } = await openTestDatabase();
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await db.get('PRAGMA busy_timeout')).toEqual({ timeout: 5000 });
  });
});
