/**
 * `npm run bench`: prints the figures DESIGN.md section 6 asks for, as far as the
 * modules that exist so far allow. Timing goals live here, not in the tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../src-main/app/create-core';
import { silentLogger } from '../../src-main/app/logger';
import { pick, seededRandom } from '../../src-main/app/random';
import { startWebBridge } from '../../src-main/web/web-bridge';
import { benchModemOverhead } from './modem-bench';
import { benchSmppThroughput } from './smpp-bench';
import type { Database } from '../../src-main/db/database';
import { databasePathIn } from '../../src-main/app/data-dir';
import { migrations } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open-database';

interface Row {
  what: string;
  figure: string;
  target: string;
}
const rows: Row[] = [];

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timeEach(count: number, task: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await task(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

async function benchOpen(dir: string): Promise<void> {
  const samples = await timeEach(5, async (i) => {
    const { db } = await openDatabase({
      path: join(dir, `open-${i}.sqlite`),
      migrations,
      backupsDir: join(dir, 'backups'),
      now: () => Date.now(),
    });
    await db.close();
  });
  rows.push({ what: 'create and migrate a new database', figure: `median ${ms(percentile(samples, 50))}`, target: '—' });
}

async function benchTransactions(db: Database): Promise<void> {
  const count = 2000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      db.transaction((tx) =>
        tx.run('INSERT INTO audit_log (at, actor, action) VALUES (?, ?, ?)', [i, 'bench', 'bench.write']),
      ),
    ),
  );
  const seconds = (performance.now() - start) / 1000;
  rows.push({
    what: `${count} concurrent one-row transactions (mutex + BEGIN IMMEDIATE)`,
    figure: `${Math.round(count / seconds)} tx/s`,
    target: '—',
  });
}

async function seedClients(db: Database, count: number): Promise<void> {
  const random = seededRandom(7);
  const first = ['Mario', 'Giulia', 'Luca', 'Anna', 'Marco', 'Sara', 'Paolo', 'Elena', 'Rosa', 'Bruno'];
  const last = ['Rossi', 'Bianchi', 'Russo', 'Ferrari', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Rossini', 'Bruno'];
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const mobile = `+393${String(Math.floor(random.next() * 1e9)).padStart(9, '0')}`;
      await tx.run('INSERT INTO clients (first_name, last_name, mobile, created_at, updated_at) VALUES (?, ?, ?, 0, 0)', [
        pick(random, first),
        `${pick(random, last)}${i % 97 === 0 ? '' : String(i % 1000)}`,
        mobile,
      ]);
    }
  });
}

async function benchClientSearch(core: Core, db: Database): Promise<void> {
  const count = 100_000;
  const seedStart = performance.now();
  await seedClients(db, count);
  const seedMs = performance.now() - seedStart;
  const queries = ['ross', 'ross 333', '5556', 'mar bia', 'greco12', 'zzz'];
  const samples = await timeEach(300, (i) =>
    core.api['clients.list']({ query: queries[i % queries.length] ?? '', limit: 50, offset: 0 }),
  );
  rows.push({
    what: `client search over ${count.toLocaleString('en')} clients (seeded in ${Math.round(seedMs)} ms)`,
    figure: `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}`,
    target: 'p95 ≤ 10 ms',
  });
}

async function benchBridge(core: Core, dir: string): Promise<void> {
  const bridge = await startWebBridge({ core, rendererDir: join(dir, 'no-ui'), port: 0 });
  const call = () =>
    fetch(`http://127.0.0.1:${bridge.port}/api/settings.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
      body: '{}',
    }).then((response) => response.json());
  await timeEach(50, call); // warm up
  const samples = await timeEach(500, call);
  await bridge.close();
  rows.push({
    what: 'web bridge round trip (settings.get over loopback HTTP)',
    figure: `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}`,
    target: '—',
  });
}

async function benchSms(): Promise<void> {
  const smpp = await benchSmppThroughput();
  rows.push({
    what: `SMPP to a loopback Net::SMPP SMSC, ${smpp.messages.toLocaleString('en')} msgs, window 10: bare smpp client`,
    figure: `${smpp.bareRate} msg/s`,
    target: '—',
  });
  rows.push({ what: '  our transport alone', figure: `${smpp.ourRate} msg/s (${percentOf(smpp.ourRate, smpp.bareRate)})`, target: '—' });
  rows.push({
    what: '  our transport, every state change persisted',
    figure: `${smpp.persistedRate} msg/s (${percentOf(smpp.persistedRate, smpp.bareRate)})`,
    target: '≥ 1,000 msg/s and ≥ 80% of bare',
  });
  const modem = await benchModemOverhead();
  rows.push({
    what: `GSM modem driver on the simulator (${modem.messages} msgs over a socat pty)`,
    figure: `${modem.perMessageOverheadMs.toFixed(2)} ms/msg overhead`,
    target: '≤ 20 ms',
  });
}

const percentOf = (value: number, base: number) => `${Math.round((100 * value) / base)}% of bare`;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'promemoria-bench-'));
  try {
    await benchOpen(dir);
    const dataDir = join(dir, 'office');
    const core = await createCore({ dataDir, log: silentLogger });
    // A second connection for seeding and raw writes, so the figures measure the core's own path.
    const { db } = await openDatabase({ path: databasePathIn(dataDir), migrations, backupsDir: join(dir, 'b'), now: Date.now });
    await benchTransactions(db);
    await benchClientSearch(core, db);
    await benchBridge(core, dir);
    await benchSms();
    await db.close();
    await core.dispose();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((row) => row.what.length));
  console.log(`Promemoria benchmarks (${process.platform} ${process.arch}, Node ${process.version})\n`);
  for (const row of rows) console.log(`${row.what.padEnd(width)}  ${row.figure.padEnd(34)}  target: ${row.target}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
