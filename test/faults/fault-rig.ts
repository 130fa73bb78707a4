/**
 * Shared parts of the app-level fault tests: an office prepared on disk with its
 * outbox already full, the core started on it, a clock that runs fast (so the
 * dispatcher's 30 s…30 min retry waits pass in a test), the outbox read straight
 * from the SQLite file, and a "mini app" (the real Dispatcher and outbox on a real
 * database file, around a real transport) for faults whose timeouts the channel
 * settings do not expose.
 */
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Clock } from '../../src-main/app/clock';
import { createCore, type Core } from '../../src-main/app/create-core';
import { backupsDirIn, databasePathIn } from '../../src-main/app/data-dir';
import type { Logger } from '../../src-main/app/logger';
import { seededRandom } from '../../src-main/app/random';
import { MemorySecretStore } from '../../src-main/app/secret-store';
import type { Timers } from '../../src-main/app/timers';
import type { SmsChannelStatus } from '../../src-main/contract/schemas';
import type { ChannelConfig } from '../../src-main/contract/sms-schemas';
import type { Database } from '../../src-main/db/database';
import { migrations } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open-database';
import { OutboxRepository } from '../../src-main/db/repositories/outbox-repository';
import { SqliteConnection, type SqlExecutor } from '../../src-main/db/sqlite-connection';
import { Dispatcher } from '../../src-main/domain/messages/dispatcher';
import { defaultReminderSettings } from '../../src-main/domain/reminders/default-rules';
import type { LinkStatus, SmsTransport } from '../../src-main/sms/transport';
import type { SmscPeer } from '../peers/smsc/smsc-peer';
import { tempDir } from '../support/temp-dir';

export { clientsCsv, coreDatabase } from './fault-data';

export const ZONE = 'Europe/Rome';

/**
 * Wall time sped up `factor` times, for the core's clock and timers together: a
 * 30-second retry wait passes in 30/factor seconds of the test, in order, with
 * real I/O in between. Transports keep their own real timers (link timeouts stay
 * real); only what reads this clock sees the jump.
 */
export class WarpTime implements Clock, Timers {
  private readonly origin = Date.now();

  constructor(readonly factor: number) {}

  now(): number {
    return Math.round(this.origin + (Date.now() - this.origin) * this.factor);
  }

  schedule(delayMs: number, task: () => void): () => void {
    const handle = setTimeout(task, Math.max(0, delayMs) / this.factor);
    return () => clearTimeout(handle);
  }
}

/** One outgoing SMS to queue: its text is its identity at the far end. */
export interface Queued {
  to: string;
  body: string;
}

/** `count` messages "Prova 1"…, to the same mobile unless `to` says otherwise. */
export function numbered(count: number, to: (n: number) => string = () => '+393331234567'): Queued[] {
  return Array.from({ length: count }, (_, i) => ({ to: to(i + 1), body: `Prova ${i + 1}` }));
}

/** Manual messages, due now: what staff queue by hand, written the way the outbox keeps them. */
export async function queueMessages(sql: SqlExecutor, messages: readonly Queued[]): Promise<void> {
  await sql.run(
    `INSERT INTO messages (kind, to_phone, body, encoding, segments, due_at, next_attempt_at, created_at, updated_at)
     SELECT 'manual', j.value ->> '$.to', j.value ->> '$.body', 'gsm7', 1, 0, 0, 0, 0 FROM json_each(?) AS j`,
    [JSON.stringify(messages)],
  );
}

export function smppChannel(port: number, overrides: Partial<NonNullable<ChannelConfig['smpp']>> = {}): ChannelConfig {
  return {
    kind: 'smpp',
    simulator: { behaviour: 'deliver' },
    modem: null,
    smpp: {
      host: '127.0.0.1',
      port,
      systemId: 'studio',
      systemType: '',
      sourceAddr: 'Studio',
      tls: false,
      windowSize: 10,
      maxMessagesPerSecond: 1000,
      ...overrides,
    },
  };
}

export function modemChannel(port: string): ChannelConfig {
  return { kind: 'modem', simulator: { behaviour: 'deliver' }, modem: { port, baudRate: 115200 }, smpp: null };
}

/** A data folder whose database already has the channel chosen and `messages` queued, as if staff did it yesterday. */
export async function prepareOffice(channel: ChannelConfig, messages: readonly Queued[]): Promise<string> {
  const dataDir = join(await tempDir('promemoria-fault-'), 'data');
  const { db } = await openDatabase({ path: databasePathIn(dataDir), backupsDir: backupsDirIn(dataDir), migrations, now: Date.now });
  try {
    await db.transaction(async (tx) => {
      await tx.run(`INSERT INTO settings (key, value, updated_at) VALUES ('sms.channel', ?, 0)`, [JSON.stringify(channel)]);
      await queueMessages(tx, messages);
    });
  } finally {
    await db.close();
  }
  return dataDir;
}

export interface StartOptions {
  smppPassword?: string;
  log?: Logger;
  time?: WarpTime;
}

/** The core on `dataDir`, as an entry starts it; disposed when the test ends. */
export async function startCore(dataDir: string, options: StartOptions = {}): Promise<Core> {
  const env = options.smppPassword === undefined ? {} : { PROMEMORIA_SMPP_PASSWORD: options.smppPassword };
  const core = await createCore({
    dataDir,
    log: options.log ?? quietLog(),
    secrets: new MemorySecretStore(env),
    systemTimeZone: ZONE,
    random: seededRandom(11),
    ...(options.time ? { clock: options.time, timers: options.time } : {}),
  });
  onTestFinished(() => core.dispose());
  return core;
}

/** A logger that keeps what it is told (the tests look for errors), printing nothing. */
export function quietLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string, err?: unknown) =>
    lines.push(`${level}: ${message}${err instanceof Error ? ` (${err.message})` : ''}`);
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** Every `sms.status` the core announced, in order. */
export function channelStatuses(core: Core): SmsChannelStatus[] {
  const seen: SmsChannelStatus[] = [];
  const stop = core.events.subscribe((envelope) => {
    if (envelope.event === 'sms.status') seen.push(envelope.payload);
  });
  onTestFinished(stop);
  return seen;
}

export interface OutboxRow {
  id: number;
  body: string;
  to_phone: string;
  state: string;
  attempts: number;
  error: string | null;
  outcome_uncertain: number;
}

export interface OutboxEvent {
  message_id: number;
  from_state: string | null;
  to_state: string;
  detail: string | null;
}

/** The outbox and its state changes as the file has them, read on a connection of its own. */
export async function readOutbox(dataDir: string): Promise<{ rows: OutboxRow[]; events: OutboxEvent[] }> {
  const sql = await SqliteConnection.open(databasePathIn(dataDir), 'readonly');
  try {
    sql.setBusyTimeout(5000);
    const rows = await sql.all<OutboxRow>(
      'SELECT id, body, to_phone, state, attempts, error, outcome_uncertain FROM messages ORDER BY id',
    );
    const events = await sql.all<OutboxEvent>('SELECT message_id, from_state, to_state, detail FROM message_events ORDER BY id');
    return { rows, events };
  } finally {
    await sql.close();
  }
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** Polls `read` until `test` holds; fails with the last value seen. */
export async function until<T>(read: () => Promise<T> | T, test: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(value).slice(0, 1500)}`);
    await sleep(25);
  }
}

/** Waits until every message has left the queue for good (submitted, delivered or failed). */
export function untilSettled(dataDir: string, timeoutMs: number): Promise<{ rows: OutboxRow[]; events: OutboxEvent[] }> {
  return until(
    () => readOutbox(dataDir),
    ({ rows }) => rows.every((row) => ['submitted', 'delivered', 'failed'].includes(row.state)),
    timeoutMs,
    'every message to be submitted or failed',
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The SMSC's own record: how many times it accepted each text (the truth about what reached the network). */
export async function acceptedBySmsc(smsc: SmscPeer): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const submit of (await smsc.stats()).submits) {
    if (submit.status !== 0) continue;
    const text = Buffer.from(submit.short_message, 'hex').toString('latin1');
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return counts;
}

/** Accepted more than once, summed: what a phone would show twice. */
export function duplicatesIn(counts: Map<string, number>): number {
  return [...counts.values()].reduce((sum, times) => sum + Math.max(0, times - 1), 0);
}

export interface MiniApp {
  dataDir: string;
  db: Database;
  dispatcher: Dispatcher;
  /** Every status the transport announced, in order. */
  statuses: LinkStatus[];
  log: Logger & { lines: string[] };
}

/**
 * The dispatcher and the outbox of the app, on a real database file, around a
 * real transport built with settings the channel configuration does not offer
 * (short timeouts). The dispatcher runs on `time`; the transport on real timers.
 */
export async function miniApp(transport: SmsTransport, window: number, messages: readonly Queued[], time: WarpTime): Promise<MiniApp> {
  const dataDir = join(await tempDir('promemoria-fault-'), 'data');
  const { db } = await openDatabase({ path: databasePathIn(dataDir), backupsDir: backupsDirIn(dataDir), migrations, now: Date.now });
  await queueMessages(db, messages);
  const log = quietLog();
  const statuses: LinkStatus[] = [];
  transport.subscribe((event) => {
    if (event.type === 'status') statuses.push(event.status);
  });
  const dispatcher = new Dispatcher({
    outbox: new OutboxRepository(db),
    channel: {
      kind: () => transport.kind,
      ready: () => transport.status().state === 'up',
      window: () => window,
      send: (sms) => transport.send(sms),
      subscribe: (listener) => transport.subscribe(listener),
    },
    clock: time,
    timers: time,
    random: seededRandom(5),
    log,
    reminderSettings: () => Promise.resolve(defaultReminderSettings),
    timeZone: () => Promise.resolve(ZONE),
    onChanged: () => undefined,
    onStatusChanged: () => undefined,
  });
  // As the core closes: stop claiming, close the channel, write down what it answered.
  onTestFinished(async () => {
    dispatcher.stop();
    await transport.close();
    await dispatcher.drain();
    await db.close();
  });
  transport.start();
  await dispatcher.start(false);
  return { dataDir, db, dispatcher, statuses, log };
}
