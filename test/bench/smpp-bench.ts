/**
 * SMPP throughput to the loopback Perl SMSC: our transport against a bare `smpp`
 * package client doing the same submits (same texts, same window of 10 in
 * flight, same SMSC process) in the same run. Runs alternate so that neither
 * side gets the warmer machine; the best run of each counts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrations } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open-database';
import { OutboxRepository } from '../../src-main/db/repositories/outbox-repository';
import { Dispatcher, type DispatchChannel } from '../../src-main/domain/messages/dispatcher';
import { defaultReminderSettings } from '../../src-main/domain/reminders/default-rules';
import { silentLogger } from '../../src-main/app/logger';
import { systemTimers } from '../../src-main/app/timers';
import { waitForLink } from '../../src-main/sms/wait-for-link';
import { systemClock } from '../../src-main/app/clock';
import { seededRandom } from '../../src-main/app/random';
import smpp from '../../src-main/sms/smpp/smpp-package';
import { SmppTransport } from '../../src-main/sms/smpp/smpp-transport';
import type { OutgoingSms } from '../../src-main/sms/transport';
import { SmscPeer } from '../peers/smsc/smsc-peer';

const MESSAGES = 10000;
const WINDOW = 10;
const RUNS = 3;
const SYSTEM_ID = 'bench';
const PASSWORD = 'bench-pw';

export interface SmppThroughput {
  messages: number;
  /** Submits in flight at most, for every client. */
  window: number;
  /** Our transport alone. */
  ourRate: number;
  /** Our transport with every state change (queued → sending → submitted) written to the store. */
  persistedRate: number;
  /** The smpp package's own client. */
  bareRate: number;
  /** Every measured run's rate, in run order (the rates above are the best of each). */
  runs: { bare: number[]; ours: number[]; persisted: number[] };
}

export async function benchSmppThroughput(): Promise<SmppThroughput> {
  const smsc = await SmscPeer.start({ systemId: SYSTEM_ID, password: PASSWORD });
  try {
    const texts = Array.from({ length: MESSAGES }, (_, i) => `Promemoria: appuntamento n. ${i} domani alle 10:30`);
    await ourRun(smsc.port, texts.slice(0, 500)); // warm-up: JIT, sockets
    await bareRun(smsc.port, texts.slice(0, 500));
    const runs: SmppThroughput['runs'] = { bare: [], ours: [], persisted: [] };
    for (let run = 0; run < RUNS; run++) {
      runs.bare.push(Math.round(await bareRun(smsc.port, texts)));
      runs.ours.push(Math.round(await ourRun(smsc.port, texts)));
      runs.persisted.push(Math.round(await persistedRun(smsc.port, texts)));
    }
    return {
      messages: MESSAGES,
      window: WINDOW,
      ourRate: Math.max(...runs.ours),
      persistedRate: Math.max(...runs.persisted),
      bareRate: Math.max(...runs.bare),
      runs,
    };
  } finally {
    await smsc.stop();
  }
}

/** Messages per second through SmppTransport.send(). */
async function ourRun(port: number, texts: string[]): Promise<number> {
  const transport = new SmppTransport(
    { host: '127.0.0.1', port, tls: false, systemId: SYSTEM_ID, password: PASSWORD, windowSize: WINDOW },
    { clock: systemClock, random: seededRandom(1) },
  );
  transport.start();
  try {
    while (transport.status().state !== 'up') {
      if (transport.status().state === 'down') throw new Error(`bench bind failed: ${transport.status().detail}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const start = performance.now();
    const outcomes = await Promise.all(texts.map((text, i) => transport.send(outgoing(text, i))));
    const seconds = (performance.now() - start) / 1000;
    const failed = outcomes.filter((o) => !o.ok).length;
    if (failed > 0) throw new Error(`${failed} submits failed in the benchmark`);
    return texts.length / seconds;
  } finally {
    await transport.close();
  }
}

/**
 * Messages per second from the outbox in a real SQLite file through the real
 * Dispatcher and our transport: every claim (queued → sending) and every outcome
 * (→ submitted) is a transaction with its message_events rows, and no more than
 * the window is ever claimed and not yet recorded (the crash-safety bound).
 */
async function persistedRun(port: number, texts: string[]): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'promemoria-smpp-bench-'));
  const { db } = await openDatabase({ path: join(dir, 'bench.sqlite'), migrations, backupsDir: dir, now: Date.now });
  const transport = new SmppTransport(
    { host: '127.0.0.1', port, tls: false, systemId: SYSTEM_ID, password: PASSWORD, windowSize: WINDOW },
    { clock: systemClock, random: seededRandom(2) },
  );
  const channel: DispatchChannel = {
    kind: () => 'smpp',
    ready: () => transport.status().state === 'up',
    window: () => WINDOW,
    send: (sms) => transport.send(sms),
    subscribe: (listener) => transport.subscribe(listener),
  };
  const dispatcher = new Dispatcher({
    outbox: new OutboxRepository(db),
    channel,
    clock: systemClock,
    timers: systemTimers,
    random: seededRandom(3),
    log: silentLogger,
    reminderSettings: async () => defaultReminderSettings,
    timeZone: async () => 'Europe/Rome',
    onChanged: () => undefined,
    onStatusChanged: () => undefined,
  });
  try {
    await db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO messages (kind, to_phone, body, encoding, segments, due_at, next_attempt_at, created_at, updated_at)
         SELECT 'manual', '+393331234567', value, 'gsm7', 1, 0, 0, 0, 0 FROM json_each(?)`,
        [JSON.stringify(texts)],
      );
    });
    transport.start();
    await waitForLink(transport, 10_000);
    const start = performance.now();
    await dispatcher.start(false);
    for (;;) {
      const submitted = await db.get<{ n: number }>("SELECT count(*) AS n FROM messages WHERE state = 'submitted'");
      if (submitted?.n === texts.length) break;
      if (performance.now() - start > 120_000) throw new Error(`only ${submitted?.n} of ${texts.length} messages submitted`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return texts.length / ((performance.now() - start) / 1000);
  } finally {
    dispatcher.stop();
    await transport.close();
    await dispatcher.drain();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Messages per second with the package's own session, keeping WINDOW submits in flight. */
async function bareRun(port: number, texts: string[]): Promise<number> {
  const session = smpp.connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    session.once('connect', () => resolve());
    session.once('error', reject);
  });
  try {
    const bound = await new Promise<smpp.PDU>((resolve) =>
      session.bind_transceiver({ system_id: SYSTEM_ID, password: PASSWORD }, resolve),
    );
    if (bound.command_status !== 0) throw new Error(`bare bind failed: ${bound.command_status}`);
    const bodies = texts.map((text) => Buffer.from(text, 'latin1')); // plain ASCII: GSM-7 septets are the same bytes
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      const submitNext = () => {
        const body = bodies[next++];
        if (body === undefined) return;
        session.submit_sm(
          { destination_addr: '393331234567', dest_addr_ton: 1, dest_addr_npi: 1, data_coding: 0, short_message: body },
          (response) => {
            if (response.command_status !== 0) reject(new Error(`bare submit failed: ${response.command_status}`));
            if (++done === bodies.length) resolve();
            else submitNext();
          },
        );
      };
      for (let i = 0; i < WINDOW; i++) submitNext();
    });
    return texts.length / ((performance.now() - start) / 1000);
  } finally {
    await new Promise<void>((resolve) => session.unbind({}, () => resolve()));
    session.destroy();
  }
}

function outgoing(text: string, i: number): OutgoingSms {
  return { id: `bench-${i}`, to: '+393331234567', text, requestDeliveryReport: false };
}
