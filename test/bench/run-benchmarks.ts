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
import { startWebBridge } from '../../src-main/web/web-bridge';
import { benchCalendar } from './calendar-bench';
import { benchClientSearch } from './clients-bench';
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

async function benchOfficeQueries(): Promise<void> {
  const search = await benchClientSearch();
  rows.push({
    what: `client search over ${search.clients.toLocaleString('en')} clients (name part or phone)`,
    figure: `p50 ${ms(search.p50)}, p95 ${ms(search.p95)}`,
    target: 'p95 ≤ 10 ms',
  });
  const calendar = await benchCalendar();
  rows.push({
    what: `week view query over ${calendar.appointments.toLocaleString('en')} appointments`,
    figure: `p50 ${ms(calendar.week.p50)}, p95 ${ms(calendar.week.p95)}`,
    target: 'p95 ≤ 10 ms',
  });
  const { planning } = calendar;
  rows.push({
    what: `reminder planning pass, next 48 h of ${calendar.appointments.toLocaleString('en')} appointments (${planning.planned} planned)`,
    figure: `median ${ms(planning.firstPassMedian)}, p95 ${ms(planning.firstPassP95)}`,
    target: '≤ 50 ms',
  });
  rows.push({ what: '  the same pass with nothing new to plan', figure: `p95 ${ms(planning.steadyP95)}`, target: '≤ 50 ms' });
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
    // A second connection on the same file, as another entry (the CLI) would open while the app runs.
    const { db } = await openDatabase({ path: databasePathIn(dataDir), migrations, backupsDir: join(dir, 'b'), now: Date.now });
    // The SMS figures first: the seeding of a million appointments below leaves the disk
    // and the second core busy with checkpoints for a while.
    await benchSms();
    await benchTransactions(db);
    await benchBridge(core, dir);
    await benchOfficeQueries();
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
