import { pathToFileURL } from 'node:url';
import sqlite3 from 'sqlite3';

export type SqlValue = string | number | bigint | null | Buffer;
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

export interface RunResult {
  lastId: number;
  changes: number;
}

/** The statements a transaction body (or any store code) may issue. */
export interface SqlExecutor {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/**
 * `inspect` reads a file that must not change at all: SQLite is told it is immutable,
 * so it takes no locks and creates no -wal or -shm files beside it. Only safe when
 * no -wal file exists (one that does would be ignored).
 */
export type OpenMode = 'readonly' | 'readwrite-create' | 'inspect';

/** A promise wrapper over one `sqlite3` connection; no locking of its own (see Database). */
export class SqliteConnection implements SqlExecutor {
  private constructor(private readonly raw: sqlite3.Database) {}

  static open(path: string, mode: OpenMode): Promise<SqliteConnection> {
    const flags = {
      readonly: sqlite3.OPEN_READONLY,
      'readwrite-create': sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE,
      inspect: sqlite3.OPEN_READONLY | sqlite3.OPEN_URI,
    }[mode];
    const name = mode === 'inspect' ? `${pathToFileURL(path).href}?immutable=1` : path;
    return new Promise((resolve, reject) => {
      const raw = new sqlite3.Database(name, flags, (err) => {
        if (err) reject(err);
        else resolve(new SqliteConnection(raw));
      });
    });
  }

  setBusyTimeout(ms: number): void {
    this.raw.configure('busyTimeout', ms);
  }

  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.raw.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ lastId: this.lastID, changes: this.changes });
      });
    });
  }

  get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.raw.get(sql, params, (err: Error | null, row: T | undefined) => {
        if (err) reject(err);
        else resolve(row);
      });
    });
  }

  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.raw.all(sql, params, (err: Error | null, rows: T[]) => {
        if (err) reject(err);
        else resolve(rows);
      });
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.raw.exec(sql, (err) => {
        if (err) reject(err);
        else resolve();
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.raw.close((err) => {
        if (err) reject(err);
        else resolve();
      });
    });
  }
}

/** The `code` of a driver or file-system error ("SQLITE_CORRUPT", "ENOENT"…), if any. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
    return err.code;
  }
  return undefined;
}
