/**
 * The office database under faults: a data folder that cannot be written, a
 * disk that fills up (at the API and while sending), a process killed inside a
 * transaction. What must hold: a clear answer rather than a crash or a stack
 * trace, no corruption (integrity_check = ok), nothing half-written, and the
 * office opening with its data once the fault is gone.
 *
 * Permissions: root ignores them, and CI may run the tests as root. Then the
 * Promemoria process under test runs as the unprivileged user "nobody" (uid
 * 65534), which a read-only folder does stop; if that user cannot run it (the
 * repository not readable by others), only those cases are skipped, saying why.
 *
 * A full disk is a limit on the core's own connection (PRAGMA max_page_count):
 * SQLite then fails writes with SQLITE_FULL exactly where a full disk would.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type Core } from '../../src-main/app/create-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { invokeMethod } from '../../src-main/app/invoke';
import { MemorySecretStore } from '../../src-main/app/secret-store';
import type { CallResult } from '../../src-main/contract/errors';
import { migrations } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open-database';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { SmscPeer } from '../peers/smsc/smsc-peer';
import { apiCall } from '../support/api-call';
import { REPO_ROOT } from '../support/run-entry';
import {
  acceptedBySmsc,
  clientsCsv,
  coreDatabase,
  countBy,
  numbered,
  prepareOffice,
  quietLog,
  readOutbox,
  sleep,
  smppChannel,
  until,
  untilSettled,
  ZONE,
} from './fault-rig';

const CHILD = 'test/faults/fault-child.ts';
const NOBODY = 65534;
const AS_ROOT = process.getuid?.() === 0;

/** Who runs the Promemoria under test for the permission cases: ourselves, or "nobody" when we are root. */
const officeUser = ((): { ok: true; spawn: SpawnOptions } | { ok: false; reason: string } => {
  if (!AS_ROOT) return { ok: true, spawn: {} };
  const probe = spawnSync(process.execPath, ['--import', 'tsx', '-e', '0'], { cwd: REPO_ROOT, uid: NOBODY, gid: NOBODY, encoding: 'utf8', timeout: 20_000 });
  if (probe.status === 0) return { ok: true, spawn: { uid: NOBODY, gid: NOBODY } };
  return { ok: false, reason: `running as root, and user "nobody" cannot run Promemoria from ${REPO_ROOT}: ${(probe.stderr || probe.error?.message || '').split('\n')[0] ?? ''}` };
})();
if (!officeUser.ok) console.warn(`database-faults: read-only folder cases skipped: ${officeUser.reason}`);

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/** A folder the office user may enter (mkdtemp makes 0700 ones, which "nobody" could not). */
async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'promemoria-dbfault-'));
  scratch.push(dir);
  await chmod(dir, 0o755);
  return dir;
}

type ChildLine = Record<string, unknown> & { step?: string };

/** Runs fault-child.ts as the office user; resolves with its lines once it has exited. */
function runChild(mode: string, dataDir: string, user: SpawnOptions): Promise<ChildLine[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dataDir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...user });
    const lines: ChildLine[] = [];
    let stderr = '';
    createInterface({ input: child.stdout! }).on('line', (line) => lines.push(JSON.parse(line) as ChildLine));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(lines) : reject(new Error(`fault-child ${mode} exited ${code}:\n${stderr}`))));
  });
}

const stepOf = (lines: ChildLine[], step: string) => lines.find((line) => line.step === step);

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** An office with one client, closed, its files owned by the office user. */
async function existingOffice(): Promise<string> {
  const dataDir = join(await scratchDir(), 'data');
  const core = await createCore({ dataDir, log: quietLog(), secrets: new MemorySecretStore({}), systemTimeZone: ZONE, startSms: false });
  await apiCall(core, 'clients.create', { firstName: 'Anna', lastName: 'Prima', mobile: '+393331110000', language: 'it' });
  await core.dispose();
  await chownTree(dataDir);
  return dataDir;
}

async function chownTree(dir: string): Promise<void> {
  if (!AS_ROOT) return;
  await chown(dir, NOBODY, NOBODY);
  for (const name of await readdir(dir)) await chown(join(dir, name), NOBODY, NOBODY);
}

/** Counts on a connection of its own (the office closed). */
async function inspect(dataDir: string): Promise<{ integrity: string; clients: number; audit: number }> {
  const sql = await SqliteConnection.open(databasePathIn(dataDir), 'readonly');
  try {
    const integrity = (await sql.all<{ integrity_check: string }>('PRAGMA integrity_check')).map((r) => r.integrity_check).join('; ');
    const clients = (await sql.get<{ n: number }>('SELECT count(*) AS n FROM clients'))?.n ?? -1;
    const audit = (await sql.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))?.n ?? -1;
    return { integrity, clients, audit };
  } finally {
    await sql.close();
  }
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

const runsAsOfficeUser = officeUser.ok ? officeUser.spawn : {};

describe('a data folder that cannot be written', () => {
  it.skipIf(!officeUser.ok)('a new office in a read-only folder: refused with a clear message, nothing created', async () => {
    const dataDir = join(await scratchDir(), 'data');
    await mkdir(dataDir);
    await chownTree(dataDir);
    await chmod(dataDir, 0o555);
    const lines = await runChild('start', dataDir, runsAsOfficeUser);
    expect(stepOf(lines, 'start')).toMatchObject({ outcome: 'refused', name: 'StoreRefusedError' });
    expect(String(stepOf(lines, 'start')?.message)).toMatch(/but not write to it.*Nothing was changed.*can be written by your/s);
    expect(await readdir(dataDir)).toEqual([]);
  });

  /** The whole folder made read-only (chmod -R a-w) under an office that has data. */
  const readOnlyFolder = once(async () => {
    const dataDir = await existingOffice();
    const database = databasePathIn(dataDir);
    const before = await sha256(database);
    await chmod(database, 0o444);
    await chmod(dataDir, 0o555);
    try {
      const lines = await runChild('start', dataDir, runsAsOfficeUser);
      return { dataDir, lines, files: await readdir(dataDir), before, after: await sha256(database) };
    } finally {
      await chmod(dataDir, 0o755);
      await chmod(database, 0o644);
    }
  });

  it.skipIf(!officeUser.ok)('an office whose folder turned read-only does not start, its database is left byte for byte, and it opens with its data once writable', async () => {
    const { dataDir, lines, files, before, after } = await readOnlyFolder();
    expect(stepOf(lines, 'start')?.outcome).not.toBe('opened');
    expect(stepOf(lines, 'write')).toBeUndefined();
    expect(after).toBe(before);
    expect(files).toEqual(['promemoria.sqlite']);
    const core = await createCore({ dataDir, log: quietLog(), secrets: new MemorySecretStore({}), systemTimeZone: ZONE, startSms: false });
    try {
      expect((await apiCall(core, 'clients.list', { query: '' })).items.map((c) => c.lastName)).toEqual(['Prima']);
    } finally {
      await core.dispose();
    }
    expect((await inspect(dataDir)).integrity).toBe('ok');
  });

  it.skipIf(!officeUser.ok)('an office whose folder turned read-only is refused with the clear "cannot be written" message (StoreRefusedError)', async () => {
    const { lines } = await readOnlyFolder();
    expect(stepOf(lines, 'start')).toMatchObject({ outcome: 'refused', name: 'StoreRefusedError' });
    expect(String(stepOf(lines, 'start')?.message)).toMatch(/but not write to it.*can be written by your/s);
  });

  /** Only the database file made read-only; its folder stays writable. */
  const readOnlyFile = once(async () => {
    const dataDir = await existingOffice();
    const database = databasePathIn(dataDir);
    const before = await sha256(database);
    await chmod(database, 0o444);
    try {
      const lines = await runChild('start', dataDir, runsAsOfficeUser);
      return { dataDir, lines, before, after: await sha256(database) };
    } finally {
      await chmod(database, 0o644);
    }
  });

  it.skipIf(!officeUser.ok)('a read-only database file: the app keeps answering, no write goes through, the file is left as it was', async () => {
    const { dataDir, lines, before, after } = await readOnlyFile();
    const start = stepOf(lines, 'start');
    if (start?.outcome === 'opened') {
      expect((stepOf(lines, 'write')?.result as CallResult).ok).toBe(false);
      expect(JSON.stringify(stepOf(lines, 'write'))).not.toMatch(/\/tmp\/|at .*\.ts/); // no path, no stack
      expect(stepOf(lines, 'read')).toMatchObject({ ok: true });
    } else {
      expect(start?.outcome).toBe('refused');
    }
    expect(after).toBe(before);
    expect(await inspect(dataDir)).toMatchObject({ integrity: 'ok', clients: 1 });
  });

  it.skipIf(!officeUser.ok)('a read-only database file is refused at start, or its writes answer a clear store error (not INTERNAL)', async () => {
    const { lines } = await readOnlyFile();
    const start = stepOf(lines, 'start');
    const write = stepOf(lines, 'write')?.result as CallResult | undefined;
    const clear = start?.outcome === 'refused' || (write !== undefined && !write.ok && write.error.code !== 'INTERNAL');
    expect(clear, JSON.stringify(lines)).toBe(true);
  });
});

describe('a full disk', () => {
  /** An office with one client, its disk filled to the last page, asked to import 3000 clients in one go. */
  const fullAtTheApi = once(async () => {
    const dataDir = join(await scratchDir(), 'data');
    const log = quietLog();
    const core = await createCore({ dataDir, log, secrets: new MemorySecretStore({}), systemTimeZone: ZONE });
    try {
      await invokeMethod(core.api, 'clients.create', { firstName: 'Anna', lastName: 'Prima', mobile: '+393331110000' }, log);
      const db = coreDatabase(core);
      const pages = (await db.get<{ page_count: number }>('PRAGMA page_count'))?.page_count ?? 0;
      const auditBefore = (await db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))?.n;
      await db.get(`PRAGMA max_page_count = ${pages}`);

      const refused = await invokeMethod(core.api, 'clients.import.run', { content: clientsCsv(3000), allOrNothing: true }, log);
      const whileFull = {
        clients: (await db.get<{ n: number }>('SELECT count(*) AS n FROM clients'))?.n,
        audit: (await db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))?.n,
        integrity: (await db.all<{ integrity_check: string }>('PRAGMA integrity_check')).map((r) => r.integrity_check).join('; '),
        status: await invokeMethod(core.api, 'dispatch.status', {}, log),
        list: await invokeMethod(core.api, 'clients.list', { query: 'prima' }, log),
      };
      await db.get('PRAGMA max_page_count = 1073741823'); // room again
      const again = await invokeMethod(core.api, 'clients.import.run', { content: clientsCsv(3000), allOrNothing: true }, log);
      return { dataDir, refused, auditBefore, whileFull, again, log: log.lines };
    } finally {
      await core.dispose();
    }
  });

  it('an import that fills the disk: refused as a whole (nothing half-written), no corruption, the app answers, and the same import works once there is room', async () => {
    const { dataDir, refused, auditBefore, whileFull, again } = await fullAtTheApi();
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).not.toMatch(/\/tmp\/|SQLITE_|at .*\.ts/); // no path, no driver detail, no stack
    expect(whileFull).toMatchObject({ clients: 1, audit: auditBefore, integrity: 'ok', status: { ok: true }, list: { ok: true } });
    expect(again).toMatchObject({ ok: true, value: { created: 3000, committed: true } });
    expect(await inspect(dataDir)).toMatchObject({ integrity: 'ok', clients: 3001 });
  });

  it('the refusal says the disk is full, with a store error code (not INTERNAL)', async () => {
    const { refused } = await fullAtTheApi();
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).not.toBe('INTERNAL');
    expect(refused.error.message).toMatch(/disk|space|full/i);
  });

  const WINDOW = 50;
  const MESSAGES = 150;

  /**
   * Sending 150 messages (window 50) when the disk fills up just as the first 50
   * are answered by the SMSC; then room again; then a restart.
   */
  const fullWhileSending = once(async () => {
    const smsc = await SmscPeer.start({ systemId: 'studio', password: 'giusta' });
    try {
      await smsc.hold();
      const dataDir = await prepareOffice(smppChannel(smsc.port, { windowSize: WINDOW }), numbered(MESSAGES));
      const log = quietLog();
      const open = () => createCore({ dataDir, log, secrets: new MemorySecretStore({ PROMEMORIA_SMPP_PASSWORD: 'giusta' }), systemTimeZone: ZONE });
      let core: Core = await open();
      try {
        await smsc.waitFor((s) => s.outstanding === WINDOW, 10_000);
        const db = coreDatabase(core);
        const pages = (await db.get<{ page_count: number }>('PRAGMA page_count'))?.page_count ?? 0;
        await db.get(`PRAGMA max_page_count = ${pages}`);
        await smsc.release();
        // The dispatcher runs into the full disk, and sleeps on it.
        await until(() => log.lines, (lines) => lines.some((l) => /could not read the outbox/.test(l)), 10_000, 'the dispatcher to give up for now');
        await smsc.waitFor((s) => s.outstanding === 0, 5000);
        await sleep(300);
        const full = {
          states: countBy((await readOutbox(dataDir)).rows, (r) => r.state),
          status: await invokeMethod(core.api, 'dispatch.status', {}, log),
          integrity: (await db.all<{ integrity_check: string }>('PRAGMA integrity_check')).map((r) => r.integrity_check).join('; '),
          recordFailures: log.lines.filter((l) => /could not record the outcome/.test(l)).length,
        };

        // Room again. Staff pause and resume sending, which looks at the outbox at once (else it does within a minute).
        await db.get('PRAGMA max_page_count = 1073741823');
        await invokeMethod(core.api, 'dispatch.pause', {}, log);
        await invokeMethod(core.api, 'dispatch.resume', {}, log);
        await until(() => readOutbox(dataDir), ({ rows }) => !rows.some((r) => r.state === 'queued'), 10_000, 'the queue to empty');
        await sleep(500);
        const roomAgain = countBy((await readOutbox(dataDir)).rows, (r) => r.state);

        // A restart: what was left in `sending` is queued again, flagged, and sent.
        await core.dispose();
        core = await open();
        const { rows } = await untilSettled(dataDir, 15_000);
        return { full, roomAgain, rows, accepted: await acceptedBySmsc(smsc), final: await inspect(dataDir) };
      } finally {
        await core.dispose();
      }
    } finally {
      await smsc.stop();
    }
  });

  it('the disk fills up while sending: nothing fails or is lost, no corruption, the app answers; after a restart every message has gone and every duplicate is flagged', async () => {
    const { full, rows, accepted, final } = await fullWhileSending();
    expect(full.recordFailures).toBeGreaterThan(0); // the fault did hit the write of the SMSC's answers
    expect(Object.keys(full.states).every((state) => ['queued', 'sending', 'submitted'].includes(state))).toBe(true);
    expect(full.status.ok).toBe(true);
    expect(full.integrity).toBe('ok');

    expect(countBy(rows, (r) => r.state)).toEqual({ submitted: MESSAGES });
    expect([...accepted.keys()].sort()).toEqual(numbered(MESSAGES).map((m) => m.body).sort());
    const twice = [...accepted].filter(([, n]) => n > 1).map(([text]) => text);
    const flagged = rows.filter((r) => r.outcome_uncertain === 1).map((r) => r.body);
    expect(twice.every((text) => flagged.includes(text))).toBe(true);
    expect(final.integrity).toBe('ok');
  });

  it('while the disk is full, no more than the window of messages is left with an unknown outcome', async () => {
    const { full } = await fullWhileSending();
    expect(full.states.sending ?? 0).toBeLessThanOrEqual(WINDOW);
  });

  it('once there is room again, the answers received meanwhile are written down: nothing stays in sending', async () => {
    const { roomAgain } = await fullWhileSending();
    expect(roomAgain).toEqual({ submitted: MESSAGES });
  });
});

describe('a crash inside a transaction', () => {
  it('kill -9 between two writes of one transaction (an all-or-nothing import, its first rows already in the WAL): the office opens cleanly, integrity ok, the first write is not there', async () => {
    const dataDir = join(await scratchDir(), 'data');
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, 'import', dataDir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    onTestFinished(() => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines: ChildLine[] = [];
    const inside = await new Promise<ChildLine>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (text) => {
        const line = JSON.parse(text) as ChildLine;
        lines.push(line);
        if (line.step === 'inside-transaction') resolve(line);
      });
      void exited.then(() => reject(new Error(`fault-child exited early: ${JSON.stringify(lines)}\n${stderr}`)));
    });
    expect(stepOf(lines, 'committed')).toMatchObject({ ok: true });
    // The first 500 rows are not only in memory: the transaction's pages have spilled into the WAL file.
    expect(Number(inside.walBytes)).toBeGreaterThan(100_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // The app's own start-up checks (header, identity, quick_check, version, read-only first) pass…
    const { db } = await openDatabase({ path: databasePathIn(dataDir), backupsDir: join(dataDir, 'backups'), migrations, now: Date.now });
    await db.close();
    // …the file is whole, and only what was committed before the transaction is there.
    expect(await inspect(dataDir)).toMatchObject({ integrity: 'ok', clients: 1 });
    const core = await createCore({ dataDir, log: quietLog(), secrets: new MemorySecretStore({}), systemTimeZone: ZONE });
    try {
      const log = quietLog();
      const list = await invokeMethod(core.api, 'clients.list', { query: '' }, log);
      expect(list).toMatchObject({ ok: true, value: { total: 1 } });
      // The same import, run again, goes through whole.
      const again = await invokeMethod(core.api, 'clients.import.run', { content: clientsCsv(2000), allOrNothing: true }, log);
      expect(again).toMatchObject({ ok: true, value: { created: 2000, committed: true } });
    } finally {
      await core.dispose();
    }
    expect(await inspect(dataDir)).toMatchObject({ integrity: 'ok', clients: 2001 });
  });
});
