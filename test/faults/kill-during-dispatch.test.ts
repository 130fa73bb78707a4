import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePathIn } from '../../src-main/app/data-dir';
import { seededRandom } from '../../src-main/app/random';
import { migrations } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open-database';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { SmscPeer } from '../peers/smsc/smsc-peer';
import { REPO_ROOT } from '../support/run-entry';
import { tempDir } from '../support/temp-dir';

/**
 * DESIGN.md section 6: kill -9 during dispatch, 20 trials, 0 messages lost,
 * duplicates within the window. The real entry (`cli run`) dispatches 500 queued
 * messages to a real SMSC and is killed with SIGKILL at random moments while it
 * sends; a last run finishes the queue. The SMSC's own record of what it received
 * is the truth the database is checked against.
 */
const MESSAGES = 500;
const TRIALS = 20;
const WINDOW = 10;
const SEED = 20261124;

let smsc: SmscPeer;

beforeAll(async () => {
  smsc = await SmscPeer.start({ systemId: 'studio', password: 'giusta' });
  // Slow answers keep several submits in flight at any moment, so kills land mid-window.
  await smsc.delay(60);
});

afterAll(async () => {
  await smsc.stop();
});

async function officeWithQueue(dataDir: string): Promise<void> {
  const { db } = await openDatabase({ path: databasePathIn(dataDir), backupsDir: join(dataDir, 'backups'), migrations, now: Date.now });
  const channel = {
    kind: 'smpp',
    simulator: { behaviour: 'deliver' },
    modem: null,
    smpp: { host: '127.0.0.1', port: smsc.port, systemId: 'studio', systemType: '', sourceAddr: 'Studio', tls: false, windowSize: WINDOW, maxMessagesPerSecond: 60 },
  };
  await db.transaction(async (tx) => {
    await tx.run(`INSERT INTO settings (key, value, updated_at) VALUES ('sms.channel', ?, 0)`, [JSON.stringify(channel)]);
    await tx.run(
      `INSERT INTO messages (kind, to_phone, body, encoding, segments, due_at, next_attempt_at, created_at, updated_at)
       SELECT 'manual', '+393331234567', 'Prova ' || value, 'gsm7', 1, 0, 0, 0, 0 FROM generate_series(1, ?)`,
      [MESSAGES],
    ).catch(async () => {
      // Builds without the generate_series extension: a recursive CTE does the same.
      await tx.run(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO messages (kind, to_phone, body, encoding, segments, due_at, next_attempt_at, created_at, updated_at)
         SELECT 'manual', '+393331234567', 'Prova ' || i, 'gsm7', 1, 0, 0, 0, 0 FROM n`,
        [MESSAGES],
      );
    });
  });
  await db.close();
}

/** `npm run cli -- run`, as an office would start it; resolves once it says it is sending. */
async function startRun(dataDir: string): Promise<{ child: ChildProcess; exited: Promise<number | null>; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', '--data-dir', dataDir, 'run'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PROMEMORIA_SMPP_PASSWORD: 'giusta' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ctrl+C stops')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`cli run exited (${code}) before sending:\n${output}`)));
  });
  return { child, exited, output: () => output };
}

async function count(dataDir: string, where: string): Promise<number> {
  const db = await SqliteConnection.open(databasePathIn(dataDir), 'readonly');
  try {
    return (await db.get<{ n: number }>(`SELECT count(*) AS n FROM messages WHERE ${where}`))?.n ?? 0;
  } finally {
    await db.close();
  }
}

/** How many times the SMSC received each message, by our message number in its text. */
async function receivedCounts(): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const submit of (await smsc.stats()).submits) {
    const text = Buffer.from(submit.short_message, 'hex').toString('latin1');
    const n = Number(/^Prova (\d+)$/.exec(text)?.[1]);
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return counts;
}

describe('kill -9 while dispatching', () => {
  it(`loses nothing over ${TRIALS} SIGKILLs, and every duplicate is flagged and within the window`, async () => {
    const dataDir = join(await tempDir(), 'data');
    await officeWithQueue(dataDir);
    const random = seededRandom(SEED);
    const leftSending: number[] = [];

    for (let trial = 0; trial < TRIALS; trial++) {
      const run = await startRun(dataDir);
      await new Promise((resolve) => setTimeout(resolve, 30 + Math.floor(random.next() * 400)));
      run.child.kill('SIGKILL');
      await run.exited;
      // What a crash can leave with an unknown outcome: never more than the window.
      leftSending.push(await count(dataDir, `state = 'sending'`));
    }
    expect(Math.max(...leftSending)).toBeLessThanOrEqual(WINDOW);
    const sentDuringTrials = (await smsc.stats()).submits.length;
    expect(sentDuringTrials, 'the kills should land while messages are going out').toBeGreaterThan(0);
    expect(sentDuringTrials, 'the last run should still have work to do').toBeLessThan(MESSAGES);

    // A last run finishes the queue and stops cleanly on SIGTERM.
    const last = await startRun(dataDir);
    const deadline = Date.now() + 60_000;
    while ((await count(dataDir, `state != 'submitted'`)) > 0) {
      if (Date.now() > deadline) throw new Error(`the queue never drained:\n${last.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);

    // None lost: every message was received at least once, and is recorded as submitted.
    const received = await receivedCounts();
    const missing = Array.from({ length: MESSAGES }, (_, i) => i + 1).filter((n) => !received.has(n));
    expect(missing).toEqual([]);
    expect(await count(dataDir, `state = 'submitted'`)).toBe(MESSAGES);
    // Duplicates: only messages a crash left in `sending`, each flagged, and no more than the windows allowed.
    const duplicated = [...received].filter(([, times]) => times > 1).map(([n]) => n);
    const duplicates = [...received.values()].reduce((sum, times) => sum + times - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(leftSending.reduce((a, b) => a + b, 0));
    const flagged = await count(dataDir, 'outcome_uncertain = 1');
    expect(flagged).toBeGreaterThanOrEqual(duplicated.length);
    if (duplicated.length > 0) {
      const db = await SqliteConnection.open(databasePathIn(dataDir), 'readonly');
      try {
        const unflagged = await db.all<{ body: string }>(
          `SELECT body FROM messages WHERE outcome_uncertain = 0 AND body IN (SELECT value FROM json_each(?))`,
          [JSON.stringify(duplicated.map((n) => `Prova ${n}`))],
        );
        expect(unflagged, 'a message received twice must be flagged as a possible duplicate').toEqual([]);
      } finally {
        await db.close();
      }
    }
    console.log(
      `kill -9 × ${TRIALS}: ${MESSAGES} messages, ${sentDuringTrials} submits before the last run, ` +
        `left in sending per kill max ${Math.max(...leftSending)}, duplicates ${duplicates} (${duplicated.length} messages), flagged ${flagged}, lost 0`,
    );
  }, 180_000);
});
