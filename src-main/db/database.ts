import { AsyncLocalStorage } from 'node:async_hooks';
import type { RunResult, SqlExecutor, SqlParams, SqliteConnection } from './sqlite-connection';
import { Mutex } from './mutex';

/**
 * The core's one connection. Every statement and every transaction takes the same
 * mutex, so a caller's `BEGIN IMMEDIATE … COMMIT` is never interleaved with another
 * caller's statements on the shared connection.
 */
export class Database implements SqlExecutor {
  private readonly mutex = new Mutex();
  /** Marks work started inside a transaction body; `open` turns false at COMMIT or ROLLBACK. */
  private readonly inTransaction = new AsyncLocalStorage<{ open: boolean }>();
  private closed = false;

  constructor(
    private readonly connection: SqliteConnection,
    readonly path: string,
  ) {}

  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return this.exclusive(() => this.connection.run(sql, params));
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.exclusive(() => this.connection.get<T>(sql, params));
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.exclusive(() => this.connection.all<T>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.exclusive(() => this.connection.exec(sql));
  }

  /**
   * Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; rolls back and rethrows if it throws.
   * The body must use the `tx` it is given: the Database itself would wait for the
   * lock the body holds, so that mistake throws at once instead of hanging.
   */
  transaction<T>(body: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.connection.exec('BEGIN IMMEDIATE');
      const marker = { open: true };
      try {
        const result = await this.inTransaction.run(marker, () => body(this.connection));
        await this.connection.exec('COMMIT');
        return result;
      } catch (err) {
        // SQLite may already have rolled back on its own (e.g. disk full); that is fine.
        await this.connection.exec('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        // Work the body started but did not await (an event listener, say) may use the database once it ends.
        marker.open = false;
      }
    });
  }

  /** A consistent online copy of the whole database, written to `targetPath` (which must not exist). */
  vacuumInto(targetPath: string): Promise<void> {
    return this.exclusive(() => this.connection.run('VACUUM INTO ?', [targetPath]).then(() => undefined));
  }

  async close(): Promise<void> {
    await this.mutex.run(async () => {
      if (this.closed) return;
      this.closed = true;
      await this.connection.close();
    });
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()?.open) {
      return Promise.reject(
        new Error('Database used directly inside a transaction body; use the tx handle instead'),
      );
    }
    return this.mutex.run(() => {
      if (this.closed) throw new Error('The database is closed');
      return task();
    });
  }
}
