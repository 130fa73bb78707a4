/**
 * A Promemoria process for the database fault tests to start (and kill), run as
 * `node --import tsx test/faults/fault-child.ts MODE DATA_DIR`. It prints one JSON
 * line per step on stdout, written synchronously so that a line is out before
 * anything can happen to the process.
 *
 *   start DATA_DIR   start the core as an entry does; then one write and one read
 *                    through the API; report what each answered.
 *   import DATA_DIR  start the core, add one client, then import 2000 more in one
 *                    all-or-nothing transaction; once its first 500 rows are written
 *                    (and, with a tiny page cache, spilled into the WAL file), say so
 *                    and freeze inside the transaction until killed.
 */
import { statSync, writeSync } from 'node:fs';
import { createCore, type Core } from '../../src-main/app/create-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { invokeMethod } from '../../src-main/app/invoke';
import { silentLogger } from '../../src-main/app/logger';
import { MemorySecretStore } from '../../src-main/app/secret-store';
import { StoreRefusedError } from '../../src-main/db/store-refused-error';
import { clientsCsv, coreDatabase } from './fault-data';

const [mode, dataDir] = process.argv.slice(2);

function say(line: Record<string, unknown>): void {
  writeSync(1, `${JSON.stringify(line)}\n`);
}

function describeError(err: unknown): Record<string, unknown> {
  const error = err instanceof Error ? err : new Error(String(err));
  return { name: error.name, code: (error as { code?: unknown }).code, message: error.message };
}

async function open(): Promise<Core | undefined> {
  try {
    return await createCore({ dataDir: dataDir ?? '', log: silentLogger, secrets: new MemorySecretStore({}), systemTimeZone: 'Europe/Rome' });
  } catch (err) {
    say({ step: 'start', outcome: err instanceof StoreRefusedError ? 'refused' : 'threw', ...describeError(err) });
    return undefined;
  }
}

async function start(): Promise<void> {
  const core = await open();
  if (!core) return;
  say({ step: 'start', outcome: 'opened' });
  const write = await invokeMethod(core.api, 'clients.create', { firstName: 'Nuova', lastName: 'Cliente', mobile: '+393391112233' }, silentLogger);
  say({ step: 'write', result: write });
  const read = await invokeMethod(core.api, 'dispatch.status', {}, silentLogger);
  say({ step: 'read', ok: read.ok });
  await core.dispose();
}

async function importAndFreeze(): Promise<void> {
  const core = await open();
  if (!core) return;
  const first = await invokeMethod(core.api, 'clients.create', { firstName: 'Anna', lastName: 'Prima', mobile: '+393331110000' }, silentLogger);
  say({ step: 'committed', ok: first.ok });
  // A page cache of a few pages: the transaction's first writes cannot stay in memory, they go to the WAL file.
  await coreDatabase(core).exec('PRAGMA cache_size = 8');
  const walPath = `${databasePathIn(dataDir ?? '')}-wal`;
  core.events.subscribe((envelope) => {
    if (envelope.event !== 'clients.import.progress' || envelope.payload.processed !== 500) return;
    // Called synchronously from inside the import's transaction, between its first and second write: freeze right here.
    say({ step: 'inside-transaction', processed: envelope.payload.processed, walBytes: statSync(walPath).size });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  });
  const result = await invokeMethod(core.api, 'clients.import.run', { content: clientsCsv(2000), allOrNothing: true, importId: 'crash' }, silentLogger);
  say({ step: 'import-finished', result });
  await core.dispose();
}

if (mode === 'start') await start();
else if (mode === 'import') await importAndFreeze();
else {
  say({ error: `unknown mode ${mode ?? ''}` });
  process.exitCode = 2;
}
