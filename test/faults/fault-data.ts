/**
 * Pieces shared by the fault tests and the child process they start
 * (fault-child.ts), which runs outside vitest: nothing here may import it.
 */
import type { Core } from '../../src-main/app/create-core';
import type { Database } from '../../src-main/db/database';

/** The core's own connection. The fault tests need it to put a limit on it (a full disk); nothing else reaches in. */
export function coreDatabase(core: Core): Database {
  const db = (core.reminders as unknown as { deps?: { db?: Database } }).deps?.db;
  if (db === undefined) throw new Error('the reminder engine no longer keeps its database in deps.db: update coreDatabase()');
  return db;
}

/** A CSV file (base64, as the API takes it) of `count` clients with distinct mobiles, as an office would export it. */
export function clientsCsv(count: number, from = 0): string {
  const rows = ['Cognome;Nome;Cellulare'];
  for (let i = from; i < from + count; i++) rows.push(`Importato${i};Mario;+39 347 ${String(1_000_000 + i)}`);
  return Buffer.from(rows.join('\r\n')).toString('base64');
}
