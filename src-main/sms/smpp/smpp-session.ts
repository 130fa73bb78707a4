/**
 * One bound SMPP session: bind_transceiver, submits through the window with a
 * per-request timeout, enquire_link with a watchdog on its answers, answering the
 * SMSC's own requests, and unbind on close. It lives for one connection; after a
 * drop the transport makes a new one.
 */
import type { Logger } from '../../app/logger';
import { commandStatusName, describeCommandStatus, isRetryableStatus } from './command-status';
import { LinkDownError, SmppConnection, type ConnectionTarget } from './smpp-connection';
import type smpp from './smpp-package';
import type { PduHeader } from './pdu-frames';
import { SubmitWindow, type WindowSlot } from './submit-window';
import { settleWithin, type Settled, type Timers } from '../../app/timers';

export interface SessionSettings {
  systemId: string;
  password: string;
  systemType: string;
  windowSize: number;
  /** Per request (bind, submit_sm, unbind): no answer by then counts as TIMEOUT. */
  requestTimeoutMs: number;
  enquireLinkIntervalMs: number;
  /** No enquire_link_resp within this → the link is dead: drop it. */
  enquireLinkTimeoutMs: number;
}

export interface SessionHandlers {
  /** A deliver_sm (receipt or inbound text); returns the command_status to answer with. */
  onDeliverSm(frame: Buffer): number;
  /** A bound link went down (not called for a close() we asked for). */
  onDown(reason: string): void;
}

export type BindOutcome = { ok: true } | { ok: false; status: number | undefined; reason: string };

export type SubmitOutcome =
  | { ok: true; messageId: string }
  | { ok: false; retryable: boolean; code: string; reason: string };

const COMMAND_ID = {
  enquire_link: 0x00000015,
  unbind: 0x00000006,
  deliver_sm: 0x00000005,
} as const;
const ESME_RINVCMDID = 0x00000003;
/** "Temporary application error": the SMSC will offer the deliver_sm again later. */
const ESME_RX_T_APPN = 0x00000064;

export class SmppSession {
  private connection: SmppConnection | undefined;
  private readonly window: SubmitWindow;
  private state: 'new' | 'binding' | 'bound' | 'closing' | 'down' = 'new';
  /** Submits written whose callers still wait for the answer (or the timeout). */
  private readonly callersWaiting = new Set<Promise<unknown>>();
  /** Window slots held by submits that timed out but may still be answered. */
  private timedOutHoldingSlot = 0;
  private cancelEnquireTimer: (() => void) | undefined;
  private opening: Promise<BindOutcome> | undefined;
  /** Lets close() stop a connection attempt instead of waiting out its timeout. */
  private readonly abortConnect = new AbortController();

  constructor(
    private readonly settings: SessionSettings,
    private readonly timers: Timers,
    private readonly logger: Logger,
    private readonly handlers: SessionHandlers,
  ) {
    this.window = new SubmitWindow(settings.windowSize);
  }

  /** Connects and binds as a transceiver. On failure the connection is already closed. */
  open(target: ConnectionTarget): Promise<BindOutcome> {
    this.opening ??= this.connectAndBind(target);
    return this.opening;
  }

  private async connectAndBind(target: ConnectionTarget): Promise<BindOutcome> {
    this.state = 'binding';
    try {
      this.connection = await SmppConnection.open(
        target,
        this.timers,
        {
          onRequest: (header, frame) => this.answerRequest(header, frame),
          onClose: (reason) => this.linkClosed(reason),
        },
        this.abortConnect.signal,
      );
    } catch (error) {
      this.state = 'down';
      return { ok: false, status: undefined, reason: errorMessage(error) };
    }
    if (this.state !== 'binding') return this.abandon(this.connection);
    const answer = await settleWithin(
      this.connection.request('bind_transceiver', {
        system_id: this.settings.systemId,
        password: this.settings.password,
        system_type: this.settings.systemType,
        interface_version: 0x34,
      }),
      this.settings.requestTimeoutMs,
      this.timers,
    );
    const refused = bindRefusal(answer, this.settings.requestTimeoutMs);
    if (refused !== undefined) {
      this.state = 'down';
      this.connection.drop(refused.reason);
      return refused;
    }
    if (this.state !== 'binding') return this.abandon(this.connection);
    this.state = 'bound';
    this.scheduleEnquireLink();
    return { ok: true };
  }

  /** One submit_sm; never throws. */
  async submit(fields: smpp.PduFields): Promise<SubmitOutcome> {
    const connection = this.connection;
    if (this.state !== 'bound' || connection === undefined) return linkDown('not bound');
    let slot: WindowSlot;
    try {
      slot = await this.window.acquire();
    } catch (error) {
      return linkDown(error instanceof Error ? error.message : String(error));
    }
    if (this.state !== 'bound') {
      slot.release();
      return linkDown('not bound');
    }
    const answer = connection.request('submit_sm', fields);
    const waiting = settleWithin(answer, this.settings.requestTimeoutMs, this.timers);
    this.callersWaiting.add(waiting);
    const outcome = await waiting;
    this.callersWaiting.delete(waiting);
    if (outcome.kind === 'timeout') {
      this.holdSlotUntilAnswered(answer, slot);
      return {
        ok: false,
        retryable: true,
        code: 'TIMEOUT',
        reason: `no submit_sm_resp within ${this.settings.requestTimeoutMs} ms`,
      };
    }
    slot.release();
    if (outcome.kind === 'error') return linkDown(errorMessage(outcome.error));
    return submitOutcome(outcome.value);
  }

  /** Graceful: lets in-flight submits be answered (up to `timeoutMs`), unbinds, closes. */
  async close(timeoutMs: number): Promise<void> {
    const wasBound = this.state === 'bound';
    this.state = 'closing';
    this.stopEnquireLink();
    this.window.close(new LinkDownError('the SMPP transport is closing'));
    const connection = this.connection;
    if (!wasBound || connection === undefined) {
      // Still connecting or binding: stop that rather than wait out its timeouts.
      this.abortConnect.abort();
      connection?.drop('closed');
      await this.opening;
      return;
    }
    await settleWithin(Promise.all([...this.callersWaiting]), timeoutMs, this.timers);
    if (connection.isOpen) await settleWithin(connection.request('unbind'), this.settings.requestTimeoutMs, this.timers);
    await connection.end(this.settings.requestTimeoutMs, this.timers);
  }

  /** close() came while connecting or binding: the new connection is not wanted. */
  private abandon(connection: SmppConnection): BindOutcome {
    connection.drop('closed');
    return { ok: false, status: undefined, reason: 'closed' };
  }

  /** Closes at once (watchdog, stuck window); in-flight submits answer LINK_DOWN. */
  drop(reason: string): void {
    this.connection?.drop(reason);
  }

  /**
   * A timed-out submit may still be answered, so its slot stays taken: freeing it
   * would let the SMSC see more than the window. When every slot is held that way
   * the SMSC has stopped answering submits, and only a new link frees them.
   */
  private holdSlotUntilAnswered(answer: Promise<smpp.PDU>, slot: WindowSlot): void {
    this.timedOutHoldingSlot++;
    answer.then(
      (late) => {
        if (late.command_status === 0) {
          this.logger.warn(
            `SMPP: submit_sm_resp ${String(late.message_id)} came after the timeout; that message may be sent twice`,
          );
        }
      },
      () => undefined,
    ).finally(() => {
      this.timedOutHoldingSlot--;
      slot.release();
    });
    if (this.timedOutHoldingSlot >= this.window.size) this.drop('the SMSC stopped answering submits');
  }

  private scheduleEnquireLink(): void {
    this.cancelEnquireTimer = this.timers.schedule(this.settings.enquireLinkIntervalMs, () => {
      this.cancelEnquireTimer = undefined;
      void this.enquireLink();
    });
  }

  private async enquireLink(): Promise<void> {
    const connection = this.connection;
    if (this.state !== 'bound' || connection === undefined) return;
    const answer = await settleWithin(
      connection.request('enquire_link'),
      this.settings.enquireLinkTimeoutMs,
      this.timers,
    );
    if (this.state !== 'bound') return;
    if (answer.kind === 'timeout') {
      this.drop(`no enquire_link_resp within ${this.settings.enquireLinkTimeoutMs} ms`);
      return;
    }
    if (answer.kind === 'value') this.scheduleEnquireLink();
  }

  private stopEnquireLink(): void {
    this.cancelEnquireTimer?.();
    this.cancelEnquireTimer = undefined;
  }

  private answerRequest(header: PduHeader, frame: Buffer): void {
    const connection = this.connection;
    if (connection === undefined) return;
    switch (header.commandId) {
      case COMMAND_ID.enquire_link:
        connection.respond('enquire_link_resp', header.sequenceNumber);
        return;
      case COMMAND_ID.unbind:
        connection.respond('unbind_resp', header.sequenceNumber);
        this.drop('the SMSC unbound');
        return;
      case COMMAND_ID.deliver_sm:
        // Always answered, or the SMSC stalls its delivery queue for this account.
        connection.respond('deliver_sm_resp', header.sequenceNumber, this.deliverSmStatus(frame));
        return;
      default:
        connection.respond('generic_nack', header.sequenceNumber, ESME_RINVCMDID);
    }
  }

  private deliverSmStatus(frame: Buffer): number {
    try {
      return this.handlers.onDeliverSm(frame);
    } catch (error) {
      // Undecodable, or a listener failed: the SMSC will offer it again later.
      this.logger.error('SMPP: could not handle a deliver_sm', error);
      return ESME_RX_T_APPN;
    }
  }

  private linkClosed(reason: string): void {
    // A link lost while binding is reported by open(); one we closed is no news.
    const lost = this.state === 'bound';
    this.state = 'down';
    this.stopEnquireLink();
    this.window.close(new LinkDownError(reason));
    if (lost) this.handlers.onDown(reason);
  }
}

function bindRefusal(answer: Settled<smpp.PDU>, timeoutMs: number): Extract<BindOutcome, { ok: false }> | undefined {
  if (answer.kind === 'timeout') {
    return { ok: false, status: undefined, reason: `no bind_transceiver_resp within ${timeoutMs} ms` };
  }
  if (answer.kind === 'error') return { ok: false, status: undefined, reason: errorMessage(answer.error) };
  const status = answer.value.command_status;
  if (status !== 0) return { ok: false, status, reason: `bind refused: ${describeCommandStatus(status)}` };
  return undefined;
}

function submitOutcome(response: smpp.PDU): SubmitOutcome {
  const status = response.command_status;
  if (status === 0) return { ok: true, messageId: typeof response.message_id === 'string' ? response.message_id : '' };
  return {
    ok: false,
    retryable: isRetryableStatus(status),
    code: commandStatusName(status),
    reason: describeCommandStatus(status),
  };
}

function linkDown(reason: string): SubmitOutcome {
  return { ok: false, retryable: true, code: 'LINK_DOWN', reason: `SMPP link down: ${reason}` };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
