import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { RandomSource } from '../../../src-main/app/random';
import type { ReminderSettings } from '../../../src-main/contract/reminders-schemas';
import type { Database } from '../../../src-main/db/database';
import { OutboxRepository } from '../../../src-main/db/repositories/outbox-repository';
import { Dispatcher, type DispatchChannel } from '../../../src-main/domain/messages/dispatcher';
import { defaultReminderSettings } from '../../../src-main/domain/reminders/default-rules';
import type { OutgoingSms, SendOutcome, TransportEvent } from '../../../src-main/sms/transport';
import { HOUR, MINUTE, ROME, recordingLogger, rome } from '../../support/engine-office';
import { FakeTime, settle } from '../../support/fake-time';
import { openTestDatabase } from '../../support/open-test-database';

const NOW = rome(3, 3, 10); // Tuesday 3 March 2026, 10:00 in Rome
const PHONE = '+393331112222';

type Script = (sms: OutgoingSms, attempt: number) => SendOutcome | Promise<SendOutcome>;

/**
 * A channel that does what the test says: answers at once by default (one
 * reference per message), or holds every send until the test releases it.
 * It keeps what it was given and how many sends were open at once.
 */
class ScriptedChannel implements DispatchChannel {
  up = true;
  size = 3;
  hold = false;
  script: Script = (sms) => ({ ok: true, references: [`R${sms.id}`] });
  readonly sent: OutgoingSms[] = [];
  open = 0;
  maxOpen = 0;
  private readonly held: (() => void)[] = [];
  private readonly listeners = new Set<(event: TransportEvent) => void>();
  private readonly attempts = new Map<string, number>();

  kind(): string {
    return 'fake';
  }
  ready(): boolean {
    return this.up;
  }
  window(): number {
    return this.size;
  }
  async send(sms: OutgoingSms): Promise<SendOutcome> {
    this.sent.push(sms);
    const attempt = (this.attempts.get(sms.id) ?? 0) + 1;
    this.attempts.set(sms.id, attempt);
    this.open++;
    this.maxOpen = Math.max(this.maxOpen, this.open);
    try {
      if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
      return await this.script(sms, attempt);
    } finally {
      this.open--;
    }
  }
  subscribe(listener: (event: TransportEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: TransportEvent): void {
    for (const listener of this.listeners) listener(event);
  }
  /** Lets the oldest `count` held sends answer. */
  release(count = Infinity): number {
    const batch = this.held.splice(0, count);
    for (const resolve of batch) resolve();
    return batch.length;
  }
  heldCount(): number {
    return this.held.length;
  }
  ids(): number[] {
    return this.sent.map((sms) => Number(sms.id));
  }
}

interface Setup {
  channel?: ScriptedChannel;
  start?: number;
  settings?: Partial<ReminderSettings>;
  random?: RandomSource;
}

async function setup(options: Setup = {}) {
  const { db } = await openTestDatabase();
  await db.run(`INSERT INTO clients (id, first_name, last_name, mobile, created_at, updated_at) VALUES (1, 'Mario', 'Rossi', ?, 0, 0)`, [PHONE]);
  const time = new FakeTime(options.start ?? NOW);
  const channel = options.channel ?? new ScriptedChannel();
  const log = recordingLogger();
  const changed: number[] = [];
  const settings: ReminderSettings = { ...defaultReminderSettings, ...options.settings };
  const dispatcher = new Dispatcher({
    outbox: new OutboxRepository(db),
    channel,
    clock: time,
    timers: time,
    random: options.random ?? { next: () => 0.5 },
    log,
    reminderSettings: () => Promise.resolve(settings),
    timeZone: () => Promise.resolve(ROME),
    onChanged: (ids) => changed.push(...ids),
    onStatusChanged: () => undefined,
  });
  onTestFinished(async () => {
    dispatcher.stop();
    channel.release();
    await dispatcher.drain();
  });
  return { db, time, channel, log, changed, dispatcher };
}

let nextPhone = 0;

/** One queued message (a manual one unless told), due at `due`; returns its id. */
async function queue(
  db: Database,
  fields: { due?: number; kind?: 'reminder' | 'reply_ack' | 'manual'; appointmentId?: number; appointmentStart?: number; body?: string; toPhone?: string; state?: string; attempts?: number; forced?: boolean } = {},
): Promise<number> {
  const due = fields.due ?? NOW;
  const { lastId } = await db.run(
    `INSERT INTO messages (client_id, appointment_id, appointment_start_at, kind, to_phone, body, encoding, segments, state, attempts,
                           due_at, next_attempt_at, forced, created_at, updated_at)
     VALUES (1, ?, ?, ?, ?, ?, 'gsm7', 1, ?, ?, ?, ?, ?, 0, 0)`,
    [
      fields.appointmentId ?? null,
      fields.appointmentStart ?? null,
      fields.kind ?? 'manual',
      fields.toPhone ?? `+39333000${String(1000 + nextPhone++)}`,
      fields.body ?? 'Promemoria',
      fields.state ?? 'queued',
      fields.attempts ?? 0,
      due,
      due,
      fields.forced ? 1 : 0,
    ],
  );
  return lastId;
}

/** An appointment of client 1 at `start`, and its reminder due at `due`. */
async function reminder(db: Database, start: number, due: number, extra: { forced?: boolean } = {}): Promise<{ appointmentId: number; id: number }> {
  const { lastId: appointmentId } = await db.run(
    'INSERT INTO appointments (client_id, start_at, end_at, created_at, updated_at) VALUES (1, ?, ?, 0, 0)',
    [start, start + 30 * MINUTE],
  );
  const id = await queue(db, { kind: 'reminder', appointmentId, appointmentStart: start, due, ...extra });
  return { appointmentId, id };
}

const rowOf = (db: Database, id: number) =>
  db.get<{ state: string; attempts: number; next_attempt_at: number; error: string | null; transport: string | null; transport_ref: string | null; outcome_uncertain: number; delivered_at: number | null }>(
    'SELECT state, attempts, next_attempt_at, error, transport, transport_ref, outcome_uncertain, delivered_at FROM messages WHERE id = ?',
    [id],
  );

const states = async (db: Database) => (await db.all<{ id: number; state: string }>('SELECT id, state FROM messages ORDER BY id')).map((r) => r.state);

describe('Dispatcher with a real outbox and a scripted channel', () => {
  it('sends what is due and records it submitted, with a part per reference and every state change', async () => {
    const { db, channel, dispatcher, changed, log } = await setup();
    const ids = [await queue(db, { body: 'Uno' }), await queue(db, { body: 'Due' }), await queue(db, { due: NOW - HOUR, body: 'Tre' })];
    await dispatcher.start(false);
    await vi.waitFor(async () => expect(await states(db)).toEqual(['submitted', 'submitted', 'submitted']));

    // Oldest due first, as the channel was told, with a delivery report asked for.
    expect(channel.sent.map((s) => [Number(s.id), s.text, s.requestDeliveryReport])).toEqual([
      [ids[2], 'Tre', true],
      [ids[0], 'Uno', true],
      [ids[1], 'Due', true],
    ]);
    expect(await rowOf(db, ids[0] ?? 0)).toMatchObject({ attempts: 1, transport: 'fake', transport_ref: `R${ids[0]}`, error: null });
    expect(await db.all('SELECT message_id, part, transport, reference, state FROM message_parts ORDER BY message_id')).toEqual(
      ids.map((id) => ({ message_id: id, part: 1, transport: 'fake', reference: `R${id}`, state: 'submitted' })),
    );
    expect(await db.all('SELECT from_state, to_state FROM message_events WHERE message_id = ? ORDER BY id', [ids[0] ?? 0])).toEqual([
      { from_state: 'queued', to_state: 'sending' },
      { from_state: 'sending', to_state: 'submitted' },
    ]);
    expect(new Set(changed)).toEqual(new Set(ids));
    expect(log.errors).toEqual([]);
  });

  it('never has more than window() messages claimed and not yet recorded', async () => {
    const channel = new ScriptedChannel();
    channel.hold = true;
    channel.size = 3;
    const { db, dispatcher } = await setup({ channel });
    for (let i = 0; i < 10; i++) await queue(db);
    const sendingSeen: number[] = [];
    const sending = async () => (await db.get<{ n: number }>(`SELECT count(*) AS n FROM messages WHERE state = 'sending'`))?.n ?? 0;

    await dispatcher.start(false);
    await vi.waitFor(() => expect(channel.heldCount()).toBe(3));
    await settle();
    expect(channel.sent).toHaveLength(3);
    expect(await sending()).toBe(3);
    expect(dispatcher.snapshot().inFlight).toBe(3);

    // Answers trickle in: each frees one place, and only one.
    while ((await states(db)).some((s) => s !== 'submitted')) {
      channel.release(1);
      await settle();
      sendingSeen.push(await sending());
      expect(channel.heldCount()).toBeLessThanOrEqual(3);
    }
    expect(channel.sent).toHaveLength(10);
    expect(channel.maxOpen).toBe(3);
    expect(Math.max(...sendingSeen)).toBeLessThanOrEqual(3);
  });

  it('sleeps until the next message is due: nothing before its time, sent as soon as it comes', async () => {
    const { db, time, channel, dispatcher } = await setup();
    const id = await queue(db, { due: NOW + 10 * MINUTE });
    await dispatcher.start(false);
    await settle();
    expect(channel.sent).toEqual([]);
    await vi.waitFor(() => expect(dispatcher.snapshot().nextSendAt).toBe(NOW + 10 * MINUTE));
    // It sleeps at most five minutes at a time (a wall clock that jumps is noticed), and sends nothing then.
    expect(time.pending().next).toBe(NOW + 5 * MINUTE);

    await time.advance(10 * MINUTE - 1);
    expect(channel.sent).toEqual([]);
    expect((await rowOf(db, id))?.state).toBe('queued');
    await time.advance(1);
    await vi.waitFor(async () => expect((await rowOf(db, id))?.state).toBe('submitted'));
    expect(channel.ids()).toEqual([id]);
  });

  it('a message planned while it sleeps is sent when woken', async () => {
    const { db, channel, dispatcher } = await setup();
    await dispatcher.start(false);
    await settle();
    const id = await queue(db);
    expect(channel.sent).toEqual([]);
    dispatcher.wake();
    await vi.waitFor(async () => expect((await rowOf(db, id))?.state).toBe('submitted'));
  });

  it('a retryable failure goes back to the queue with backoff, counting the attempt, and is tried again then', async () => {
    const channel = new ScriptedChannel();
    channel.script = (sms, attempt) =>
      attempt === 1 ? { ok: false, retryable: true, code: 'ESME_RTHROTTLED', reason: 'throttled' } : { ok: true, references: [`R${sms.id}`] };
    const { db, time, dispatcher } = await setup({ channel });
    const id = await queue(db);
    await dispatcher.start(false);
    await vi.waitFor(async () => expect((await rowOf(db, id))?.attempts).toBe(1));
    await settle();
    // 30 s × (0.5 + 0.5): the random source says exactly the middle of the jitter.
    expect(await rowOf(db, id)).toMatchObject({ state: 'queued', attempts: 1, error: 'throttled', next_attempt_at: NOW + 30_000 });
    expect(await db.all('SELECT from_state, to_state, detail FROM message_events WHERE message_id = ? ORDER BY id', [id])).toEqual([
      { from_state: 'queued', to_state: 'sending', detail: null },
      { from_state: 'sending', to_state: 'queued', detail: 'throttled' },
    ]);

    await time.advance(29_999);
    expect(channel.sent).toHaveLength(1);
    await time.advance(1);
    await vi.waitFor(async () => expect(await rowOf(db, id)).toMatchObject({ state: 'submitted', attempts: 2, error: null }));
  });

  it('a permanent failure is failed with its reason; one bad message (or a throwing send) does not hold up the others', async () => {
    const channel = new ScriptedChannel();
    channel.size = 1;
    channel.script = (sms) => {
      if (sms.to === '+393330009999') return { ok: false, retryable: false, code: 'ESME_RINVDSTADR', reason: 'invalid destination' };
      if (sms.to === '+393330008888') throw new Error('socket exploded');
      return { ok: true, references: [`R${sms.id}`] };
    };
    const { db, dispatcher } = await setup({ channel });
    const bad = await queue(db, { toPhone: '+393330009999', due: NOW - 2 });
    const broken = await queue(db, { toPhone: '+393330008888', due: NOW - 1 });
    const good = await queue(db);
    await dispatcher.start(false);
    await vi.waitFor(async () => expect((await rowOf(db, good))?.state).toBe('submitted'));
    expect(await rowOf(db, bad)).toMatchObject({ state: 'failed', attempts: 1, error: 'invalid destination' });
    expect(await rowOf(db, broken)).toMatchObject({ state: 'queued', attempts: 1, error: 'socket exploded' });
    expect((await rowOf(db, broken))?.next_attempt_at).toBeGreaterThan(NOW);
    expect(channel.ids()).toEqual([bad, broken, good]);
  });

  it('gives up on a message that keeps failing after the last try', async () => {
    const channel = new ScriptedChannel();
    channel.script = () => ({ ok: false, retryable: true, code: 'TIMEOUT', reason: 'no answer' });
    const { db, dispatcher } = await setup({ channel });
    const id = await queue(db, { attempts: 7 });
    await dispatcher.start(false);
    await vi.waitFor(async () => expect((await rowOf(db, id))?.state).toBe('failed'));
    expect(await rowOf(db, id)).toMatchObject({ attempts: 8, error: 'gave up after 8 tries: no answer' });
  });

  it('claims nothing while the channel is not ready, and sends once it says it is up', async () => {
    const channel = new ScriptedChannel();
    channel.up = false;
    const { db, dispatcher } = await setup({ channel });
    const id = await queue(db);
    await dispatcher.start(false);
    await settle();
    expect(channel.sent).toEqual([]);
    expect(await rowOf(db, id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await db.get('SELECT count(*) AS n FROM message_events')).toEqual({ n: 0 });

    channel.up = true;
    channel.emit({ type: 'status', status: { state: 'up', detail: 'bound' } });
    await vi.waitFor(async () => expect((await rowOf(db, id))?.state).toBe('submitted'));
  });

  it('pause holds everything (also a message woken for), resume sends', async () => {
    const { db, channel, dispatcher } = await setup();
    const first = await queue(db);
    await dispatcher.start(true);
    await settle();
    expect(channel.sent).toEqual([]);
    await vi.waitFor(() => expect(dispatcher.snapshot()).toMatchObject({ paused: true, nextSendAt: NOW }));

    dispatcher.resume();
    await vi.waitFor(async () => expect((await rowOf(db, first))?.state).toBe('submitted'));

    dispatcher.pause();
    const second = await queue(db);
    dispatcher.wake();
    await settle();
    expect((await rowOf(db, second))?.state).toBe('queued');
    expect(channel.ids()).toEqual([first]);
    dispatcher.resume();
    await vi.waitFor(async () => expect((await rowOf(db, second))?.state).toBe('submitted'));
  });

  it('at start, re-queues what a previous run left in sending, flagged, and sends it again', async () => {
    const { db, channel, dispatcher, changed } = await setup();
    const left = await queue(db, { state: 'sending', attempts: 1, due: NOW - HOUR });
    const untouched = await queue(db, { state: 'submitted', attempts: 1, due: NOW - HOUR });
    await dispatcher.start(false);
    await vi.waitFor(async () => expect((await rowOf(db, left))?.state).toBe('submitted'));
    expect(await rowOf(db, left)).toMatchObject({ attempts: 2, outcome_uncertain: 1 });
    expect(await rowOf(db, untouched)).toMatchObject({ state: 'submitted', attempts: 1, outcome_uncertain: 0 });
    expect(await db.all('SELECT at, from_state, to_state, detail FROM message_events WHERE message_id = ? ORDER BY id', [left])).toEqual([
      { at: NOW, from_state: 'sending', to_state: 'queued', detail: 'Promemoria stopped while sending it: it may arrive twice' },
      { at: NOW, from_state: 'queued', to_state: 'sending', detail: null },
      { at: NOW, from_state: 'sending', to_state: 'submitted', detail: null },
    ]);
    expect(changed[0]).toBe(left);
    expect(channel.ids()).toEqual([left]);
  });

  it('a message is delivered when every part is; a failed part fails it', async () => {
    const channel = new ScriptedChannel();
    channel.script = (sms) => ({ ok: true, references: [`${sms.id}a`, `${sms.id}b`] });
    const { db, dispatcher, time } = await setup({ channel });
    const long = await queue(db);
    const lost = await queue(db);
    await dispatcher.start(false);
    await vi.waitFor(async () => expect(await states(db)).toEqual(['submitted', 'submitted']));
    expect(await db.get('SELECT count(*) AS n FROM message_parts')).toEqual({ n: 4 });

    const report = (reference: string, state: 'delivered' | 'failed', detail: string) =>
      channel.emit({ type: 'delivery', report: { reference, state, detail, at: time.now() + 5000 } });
    report(`${long}a`, 'delivered', 'DELIVRD');
    report(`${lost}a`, 'delivered', 'DELIVRD');
    await settle();
    expect(await states(db)).toEqual(['submitted', 'submitted']);
    expect(await db.all('SELECT part, state, detail FROM message_parts WHERE message_id = ? ORDER BY part', [long])).toEqual([
      { part: 1, state: 'delivered', detail: 'DELIVRD' },
      { part: 2, state: 'submitted', detail: null },
    ]);

    report(`${long}b`, 'delivered', 'DELIVRD');
    report(`${lost}b`, 'failed', 'UNDELIV');
    report('unknown-ref', 'delivered', 'DELIVRD');
    await vi.waitFor(async () => expect(await states(db)).toEqual(['delivered', 'failed']));
    expect(await rowOf(db, long)).toMatchObject({ delivered_at: NOW + 5000, error: null });
    expect(await rowOf(db, lost)).toMatchObject({ delivered_at: null, error: 'not delivered (UNDELIV)' });
    expect(await db.all('SELECT from_state, to_state, detail FROM message_events WHERE message_id = ? ORDER BY id', [long])).toEqual([
      { from_state: 'queued', to_state: 'sending', detail: null },
      { from_state: 'sending', to_state: 'submitted', detail: null },
      { from_state: 'submitted', to_state: 'delivered', detail: 'DELIVRD' },
    ]);
  });

  it('a delivery report that arrives with the send\'s answer (same network read) is not lost', async () => {
    const channel = new ScriptedChannel();
    // The receipt is read from the same chunk as the submit's response: emitted right as the send resolves.
    channel.script = (sms) => {
      queueMicrotask(() => channel.emit({ type: 'delivery', report: { reference: `R${sms.id}`, state: 'delivered', detail: 'DELIVRD', at: NOW } }));
      return { ok: true, references: [`R${sms.id}`] };
    };
    const { db, dispatcher } = await setup({ channel });
    const id = await queue(db);
    await dispatcher.start(false);
    await vi.waitFor(async () => expect((await rowOf(db, id))?.state).not.toBe('queued'));
    await settle();
    expect(await db.all('SELECT state FROM message_parts WHERE message_id = ?', [id])).toEqual([{ state: 'delivered' }]);
    expect((await rowOf(db, id))?.state).toBe('delivered');
  });

  it('cancels at claim, without sending, a reminder for a client who opted out; an acknowledgement still goes', async () => {
    const { db, channel, dispatcher } = await setup();
    const { id } = await reminder(db, NOW + 5 * HOUR, NOW);
    const ack = await queue(db, { kind: 'reply_ack' });
    await db.run('UPDATE clients SET sms_opt_out = 1 WHERE id = 1');
    await dispatcher.start(false);
    await vi.waitFor(async () => expect((await rowOf(db, ack))?.state).toBe('submitted'));
    expect(await rowOf(db, id)).toMatchObject({ state: 'cancelled', attempts: 0, error: 'the client does not want SMS reminders' });
    expect(channel.ids()).toEqual([ack]);
    expect(await db.all('SELECT from_state, to_state FROM message_events WHERE message_id = ?', [id])).toEqual([{ from_state: 'queued', to_state: 'cancelled' }]);
  });

  it('cancels at claim a reminder whose appointment was cancelled or moved since it was planned', async () => {
    const { db, channel, dispatcher } = await setup();
    const cancelled = await reminder(db, NOW + 5 * HOUR, NOW);
    const moved = await reminder(db, NOW + 6 * HOUR, NOW);
    await db.run(`UPDATE appointments SET status = 'cancelled' WHERE id = ?`, [cancelled.appointmentId]);
    await db.run('UPDATE appointments SET start_at = start_at + 3600000, end_at = end_at + 3600000 WHERE id = ?', [moved.appointmentId]);
    await dispatcher.start(false);
    await vi.waitFor(async () => expect(await states(db)).toEqual(['cancelled', 'cancelled']));
    expect((await rowOf(db, cancelled.id))?.error).toBe('the appointment was cancelled or closed');
    expect((await rowOf(db, moved.id))?.error).toBe('the appointment was moved');
    expect(channel.sent).toEqual([]);
  });

  it('expires a reminder too close to its appointment, unless staff forced it', async () => {
    const { db, channel, dispatcher } = await setup({ settings: { minLeadMinutes: 60 } });
    const late = await reminder(db, NOW + 30 * MINUTE, NOW);
    const forced = await reminder(db, NOW + 30 * MINUTE, NOW, { forced: true });
    const fine = await reminder(db, NOW + 61 * MINUTE, NOW);
    await dispatcher.start(false);
    await vi.waitFor(async () => expect(await states(db)).toEqual(['expired', 'submitted', 'submitted']));
    expect((await rowOf(db, late.id))?.error).toBe('too close to the appointment to be useful');
    expect(channel.ids().sort()).toEqual([forced.id, fine.id].sort());
  });

  it('expires overdue reminders while the channel is down, and sends nothing', async () => {
    const channel = new ScriptedChannel();
    channel.up = false;
    const { db, time, dispatcher } = await setup({ channel, settings: { minLeadMinutes: 60 } });
    const { id } = await reminder(db, NOW + 2 * HOUR, NOW);
    const manual = await queue(db);
    await dispatcher.start(false);
    await settle();
    expect((await rowOf(db, id))?.state).toBe('queued');
    // An hour and a minute later it could only arrive too late.
    await time.advance(61 * MINUTE);
    await vi.waitFor(async () => expect((await rowOf(db, id))?.state).toBe('expired'));
    expect((await rowOf(db, manual))?.state).toBe('queued');
    expect(channel.sent).toEqual([]);
  });

  it('holds reminders in quiet hours but not acknowledgements, and sends the reminders when the quiet hours end', async () => {
    const start = rome(3, 3, 21); // Tuesday 21:00: quiet until Wednesday 08:00
    const { db, time, channel, dispatcher } = await setup({ start });
    const { id } = await reminder(db, rome(3, 4, 12), start);
    const ack = await queue(db, { kind: 'reply_ack', due: start });
    const manual = await queue(db, { kind: 'manual', due: start });
    await dispatcher.start(false);
    await vi.waitFor(async () => expect((await rowOf(db, manual))?.state).toBe('submitted'));
    expect((await rowOf(db, ack))?.state).toBe('submitted');
    expect(await rowOf(db, id)).toMatchObject({ state: 'queued', attempts: 0 });
    await vi.waitFor(() => expect(dispatcher.snapshot()).toMatchObject({ quietUntil: rome(3, 4, 8), nextSendAt: rome(3, 4, 8) }));

    await time.advanceTo(rome(3, 4, 8) - 1);
    expect((await rowOf(db, id))?.state).toBe('queued');
    await time.advance(1);
    await vi.waitFor(async () => expect((await rowOf(db, id))?.state).toBe('submitted'));
    expect(channel.ids()).toEqual([ack, manual, id]);
  });

  it('sends a forced reminder in quiet hours', async () => {
    const start = rome(3, 3, 21);
    const { db, dispatcher } = await setup({ start });
    const { id } = await reminder(db, rome(3, 4, 12), start, { forced: true });
    await dispatcher.start(false);
    await vi.waitFor(async () => expect((await rowOf(db, id))?.state).toBe('submitted'));
  });
});
