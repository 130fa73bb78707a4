import type { Clock } from '../../app/clock';
import { reasonFormats } from '../../contract/message-reasons';
import type { Logger } from '../../app/logger';
import type { RandomSource } from '../../app/random';
import type { Timers } from '../../app/timers';
import type { ReminderSettings } from '../../contract/reminders-schemas';
import type { ClaimOptions, OutboxRepository, ClaimedMessage, SendResult } from '../../db/repositories/outbox-repository';
import type { DeliveryReport, OutgoingSms, SendOutcome, TransportEvent } from '../../sms/transport';
import { quietPeriodAt } from '../reminders/quiet-hours';
import { retryDecision } from './retry-policy';

/** What the dispatcher needs of the office's SMS channel. */
export interface DispatchChannel {
  /** "smpp", "modem", "simulator": stored with each message, and the namespace of its references. */
  kind(): string;
  ready(): boolean;
  /** How many messages may be handed over and not yet recorded: the bound on duplicates after a crash. */
  window(): number;
  send(sms: OutgoingSms): Promise<SendOutcome>;
  subscribe(listener: (event: TransportEvent) => void): () => void;
}

export interface DispatcherDeps {
  outbox: OutboxRepository;
  channel: DispatchChannel;
  clock: Clock;
  timers: Timers;
  random: RandomSource;
  log: Logger;
  reminderSettings: () => Promise<ReminderSettings>;
  timeZone: () => Promise<string>;
  /** Ids of messages whose state changed. */
  onChanged: (ids: number[]) => void;
  /** Anything the status line shows may have changed (queue, next send, pause). */
  onStatusChanged: () => void;
}

/** The longest sleep: a wall clock that jumped (a laptop waking up) is noticed within this. */
const MAX_SLEEP_MS = 5 * 60_000;
/** After a failed write of answers (a full disk): the first and the longest pause before trying again. */
const WRITE_RETRY_FIRST_MS = 2000;
const WRITE_RETRY_MAX_MS = 60_000;
/** While the channel is down, overdue reminders are expired at this pace. */
const DOWN_SWEEP_MS = 60_000;

/**
 * Sends what the outbox says is due, through the channel, and records what became
 * of it. Event-driven: it sleeps until the next message is due, or until something
 * wakes it (a message planned, the link coming up, a result recorded).
 *
 * At most `window` messages are ever claimed and not yet recorded, so a crash can
 * leave at most that many in `sending`: recovered at the next start as possibly
 * sent twice. Results are recorded in group commits, one transaction per batch.
 */
export class Dispatcher {
  private started = false;
  private stopped = false;
  private paused = false;
  private pumping = false;
  private pumpAgain = false;
  /** Claimed and handed to the channel, no answer yet. */
  private inFlight = 0;
  /** Answered, not yet handed to a write. */
  private answered: SendResult[] = [];
  /** Answers in a write that has not committed yet. */
  private recording = 0;
  private flushScheduled = false;
  /** The pause before writing answers again after a failed write; 0 while writes succeed. */
  private writeRetryMs = 0;
  private cancelWriteRetry: (() => void) | undefined;
  /** Every write after a claim goes through this chain, in order: results first, then reports about them. */
  private writes: Promise<void> = Promise.resolve();
  private cancelSleep: (() => void) | undefined;
  private quietUntil: number | null = null;
  /** What the last look at the clock allowed, reused by the claims that ride on a record for a second. */
  private claimOptions: { options: ClaimOptions; at: number } | undefined;
  private nextSendAt: number | null = null;
  private unsubscribe: (() => void) | undefined;
  private idle: (() => void) | undefined;

  constructor(private readonly deps: DispatcherDeps) {}

  /** Re-queues what a previous run left in `sending`, then starts sending (unless paused). */
  async start(paused: boolean): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.paused = paused;
    const recovered = await this.deps.outbox.recoverInterrupted(this.deps.clock.now());
    if (recovered.length > 0) {
      this.deps.log.warn(`${recovered.length} message(s) were being sent when Promemoria stopped; queued again, flagged as possible duplicates`);
      this.deps.onChanged(recovered);
    }
    this.unsubscribe = this.deps.channel.subscribe((event) => this.onChannelEvent(event));
    this.wake();
  }

  /**
   * Stops claiming. Messages already handed over are answered by the channel
   * (or fail as the channel closes); call drain() after closing the channel to
   * write those answers down.
   */
  stop(): void {
    this.stopped = true;
    this.cancelSleep?.();
    this.cancelSleep = undefined;
    this.cancelWriteRetry?.();
    this.cancelWriteRetry = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Resolves once nothing is in flight and every answer is written. */
  async drain(): Promise<void> {
    while (this.inFlight > 0) await new Promise<void>((resolve) => (this.idle = resolve));
    // Delivery reports wait one turn of the event loop (see onChannelEvent): let those already received go first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.flush();
    await this.writes;
  }

  pause(): void {
    this.paused = true;
    // The pump, seeing the pause, claims nothing and settles into sweeping for reminders that got too late.
    this.wake();
    this.deps.onStatusChanged();
  }

  resume(): void {
    this.paused = false;
    this.wake();
    this.deps.onStatusChanged();
  }

  snapshot(): { paused: boolean; inFlight: number; nextSendAt: number | null; quietUntil: number | null } {
    return { paused: this.paused, inFlight: this.unrecorded(), nextSendAt: this.nextSendAt, quietUntil: this.quietUntil };
  }

  /** Something may be due now (planned, retried by hand, link up): look at once. */
  wake(): void {
    if (!this.started || this.stopped) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    this.pump()
      .catch((err: unknown) => {
        this.deps.log.error('the dispatcher could not read the outbox; trying again in a minute', err);
        this.sleep(DOWN_SWEEP_MS);
      })
      .finally(() => {
        this.pumping = false;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.wake();
        }
      });
  }

  private async pump(): Promise<void> {
    const { outbox, channel, clock } = this.deps;
    this.cancelSleep?.();
    this.cancelSleep = undefined;
    const settings = await this.deps.reminderSettings();
    const minLeadMs = settings.minLeadMinutes * 60_000;
    const now = clock.now();
    const quiet = quietPeriodAt(now, settings, await this.deps.timeZone());
    this.quietUntil = quiet?.end ?? null;
    const options = { reminders: quiet === undefined, minLeadMs };
    this.claimOptions = { options, at: now };

    // Claims close what must not go, but claim nothing while paused or down, and no reminder in quiet hours.
    if (this.paused || !channel.ready() || quiet) {
      const expired = await outbox.expireOverdue(now, minLeadMs);
      if (expired.length > 0) this.deps.onChanged(expired);
    }
    if (this.paused || !channel.ready()) {
      await this.planSleep(quiet?.end, !this.paused);
      return;
    }
    for (;;) {
      const room = channel.window() - this.unrecorded();
      if (room <= 0 || this.stopped || this.paused) break;
      const claim = await outbox.claim(clock.now(), room, channel.kind(), options);
      const changed = [...claim.claimed.map((m) => m.id), ...claim.closed];
      if (changed.length > 0) this.deps.onChanged(changed);
      for (const message of claim.claimed) this.send(message);
      if (claim.claimed.length === 0 && claim.closed.length === 0) break;
    }
    await this.planSleep(quiet?.end, false);
  }

  /** Claimed and not yet written down as answered: what a crash now could leave in `sending`. */
  private unrecorded(): number {
    return this.inFlight + this.answered.length + this.recording;
  }

  /** Sleeps until the next message is due (quiet hours holding reminders back), at most MAX_SLEEP_MS. */
  private async planSleep(quietEnd: number | undefined, channelDown: boolean): Promise<void> {
    // While answers are pending, their records wake the pump again: no need to look ahead yet.
    if (!channelDown && this.unrecorded() > 0) return;
    const next = await this.deps.outbox.nextDue();
    const reminder = next.reminder === null ? null : Math.max(next.reminder, quietEnd ?? 0);
    const candidates = [reminder, next.other].filter((at): at is number => at !== null);
    this.nextSendAt = candidates.length > 0 ? Math.min(...candidates) : null;
    this.deps.onStatusChanged();
    // Paused or with the channel down, the queue is swept for reminders that got too late at this pace;
    // resuming, or the link coming up, wakes the pump at once anyway.
    const now = this.deps.clock.now();
    const until = channelDown || this.paused ? now + DOWN_SWEEP_MS : (this.nextSendAt ?? now + MAX_SLEEP_MS);
    this.sleep(Math.min(Math.max(until - now, 0), MAX_SLEEP_MS));
  }

  private sleep(ms: number): void {
    if (this.stopped) return;
    this.cancelSleep?.();
    this.cancelSleep = this.deps.timers.schedule(ms, () => {
      this.cancelSleep = undefined;
      this.wake();
    });
  }

  private send(message: ClaimedMessage): void {
    const { channel, clock, random } = this.deps;
    this.inFlight++;
    const sms: OutgoingSms = { id: String(message.id), to: message.toPhone, text: message.body, requestDeliveryReport: true };
    channel
      .send(sms)
      .catch((err: unknown): SendOutcome => ({ ok: false, retryable: true, code: 'INTERNAL', reason: err instanceof Error ? err.message : String(err) }))
      .then((outcome) => {
        const now = clock.now();
        if (outcome.ok) {
          this.answered.push({ id: message.id, ok: true, references: outcome.references });
        } else {
          const decision = retryDecision(outcome.code, outcome.retryable, message.attempts, now, random);
          const reason = decision.to === 'failed' && outcome.retryable ? reasonFormats.gaveUp(message.attempts, outcome.reason) : outcome.reason;
          this.answered.push(
            decision.to === 'queued'
              ? { id: message.id, ok: false, to: 'queued', reason, nextAttemptAt: decision.at, uncounted: decision.uncounted === true }
              : { id: message.id, ok: false, to: 'failed', reason, nextAttemptAt: now },
          );
        }
        this.inFlight--;
        if (this.inFlight === 0) this.idle?.();
        this.scheduleFlush();
      });
  }

  /** Answers that arrive together are written together: one transaction per turn of the event loop. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    const batch = this.answered;
    if (batch.length === 0) return;
    this.answered = [];
    this.recording += batch.length;
    const kind = this.deps.channel.kind();
    let refilled = false;
    this.writes = this.writes
      .then(async () => {
        const now = this.deps.clock.now();
        const next = this.inlineClaim(now, batch.length);
        const claim = await this.deps.outbox.record(batch, now, kind, next);
        this.recording -= batch.length;
        this.deps.onChanged([...batch.map((result) => result.id), ...claim.claimed.map((m) => m.id), ...claim.closed]);
        for (const message of claim.claimed) this.send(message);
        // A full refill keeps the cycle going by itself; otherwise the pump decides what next (and when to sleep).
        refilled = next !== undefined && claim.claimed.length === next.limit;
      })
      .then(
        () => {
          this.writeRetryMs = 0;
          if (!refilled) this.wake();
        },
        (err: unknown) => {
          this.recording -= batch.length;
          // Not written (a full disk, say): the answers stay counted as unrecorded, so nothing new is
          // claimed past the window, and the write is tried again with growing pauses. If Promemoria
          // stops first, the messages are still `sending` and come back flagged at the next start.
          this.answered.unshift(...batch);
          this.writeRetryMs = Math.min(Math.max(this.writeRetryMs * 2, WRITE_RETRY_FIRST_MS), WRITE_RETRY_MAX_MS);
          this.deps.log.error(`could not record the outcome of ${batch.length} message(s); trying again in ${this.writeRetryMs / 1000} s`, err);
          this.retryWrite();
        },
      );
  }

  private retryWrite(): void {
    if (this.cancelWriteRetry || this.stopped) return;
    this.cancelWriteRetry = this.deps.timers.schedule(this.writeRetryMs, () => {
      this.cancelWriteRetry = undefined;
      this.flush();
    });
  }

  /**
   * The claim that may ride on a record: the room the recorded batch frees, if
   * sending may go on and the quiet-hours verdict is fresh (under a second old).
   */
  private inlineClaim(now: number, recorded: number): { limit: number; options: ClaimOptions } | undefined {
    const cached = this.claimOptions;
    if (this.stopped || this.paused || !cached || now - cached.at > 1000 || !this.deps.channel.ready()) return undefined;
    const limit = this.deps.channel.window() - (this.unrecorded() - recorded);
    return limit > 0 ? { limit, options: cached.options } : undefined;
  }

  private onChannelEvent(event: TransportEvent): void {
    if (event.type === 'status') {
      if (event.status.state === 'up') this.wake();
      this.deps.onStatusChanged();
    } else if (event.type === 'delivery') {
      // A receipt read from the same network chunk as its submit's response is emitted before the
      // send's answer has come through its promise callbacks into `answered`: one turn of the event
      // loop later it has, so flush() writes the parts down before the report looks for them.
      const report = event.report;
      setImmediate(() => this.recordDelivery(report));
    }
  }

  /** After the results written so far, so a report never overtakes the "submitted" it is about. */
  private recordDelivery(report: DeliveryReport): void {
    this.flush();
    const kind = this.deps.channel.kind();
    this.writes = this.writes
      .then(async () => {
        const id = await this.deps.outbox.applyDelivery(kind, report.reference, report.state, report.detail, report.at);
        if (id !== undefined) this.deps.onChanged([id]);
      })
      .catch((err: unknown) => this.deps.log.error('could not record a delivery report', err));
  }
}
