/**
 * The SMPP account as an SmsTransport: keeps one bound session up (rebinding with
 * backoff after any drop), splits each SMS into parts and submits them, matches
 * delivery receipts to the references it gave, and hands on incoming texts.
 * The dispatcher owns queueing and retries: while the link is down, send() fails
 * fast as retryable LINK_DOWN.
 */
import { ListenerSet } from '../../app/listener-set';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import type { Clock } from '../../app/clock';
import { silentLogger, type Logger } from '../../app/logger';
import type { RandomSource } from '../../app/random';
import { concatUdh, splitMessage } from '../encoding';
import type { LinkStatus, OutgoingSms, SendOutcome, SmsTransport, TransportEvent } from '../transport';
import { isCredentialError } from './command-status';
import { readDeliverSmBody, type DeliverSmBody } from './deliver-sm-body';
import { parseDeliveryReceipt } from './delivery-receipt';
import { InboundAssembler } from './inbound-assembler';
import { splitUserData } from './inbound-text';
import { ReconnectBackoff } from './reconnect-backoff';
import { SendRateLimiter } from './send-rate-limiter';
import { destinationAddress, inboundSender, sourceAddress } from './smpp-address';
import { LinkDownError, type ConnectionTarget } from './smpp-connection';
import { SmppSession, type SubmitOutcome } from './smpp-session';
import type smpp from './smpp-package';
import { submitSmFields } from './submit-sm-fields';
import { SubmittedReferences } from './submitted-references';
import { systemTimers, type Timers } from '../../app/timers';

export interface SmppSettings {
  host: string;
  port: number;
  tls: boolean;
  /** A private CA or server name for TLS; most accounts need none. */
  tlsOptions?: TlsOptions;
  systemId: string;
  /** Never logged, never put in a status or an error. */
  password: string;
  systemType?: string;
  /** Sender shown on the phone: a number or a name; empty lets the SMSC decide. */
  sourceAddr?: string;
  /** Most submit_sm unacknowledged at once (default 10). */
  windowSize?: number;
  /** Answer time allowed per request (default 10 s). */
  requestTimeoutMs?: number;
  connectTimeoutMs?: number;
  enquireLinkIntervalMs?: number;
  enquireLinkTimeoutMs?: number;
  /** First reconnection delay (default 1 s), doubling up to reconnectMaxMs (default 5 min). */
  reconnectInitialMs?: number;
  reconnectMaxMs?: number;
  /** Cap on submit_sm per second (each SMS part counts); unlimited when absent. */
  maxMessagesPerSecond?: number;
  /** How long close() lets in-flight submits be answered (default 5 s). */
  closeTimeoutMs?: number;
  /** A multipart incoming text still missing parts after this is handed on incomplete (default 10 min). */
  inboundPartsTimeoutMs?: number;
}

export interface SmppDependencies {
  clock: Clock;
  random: RandomSource;
  timers?: Timers;
  logger?: Logger;
}

/** esm_class message type bits 2–5 (§5.2.12): any of them set means a receipt or acknowledgement, not a text. */
const ESM_CLASS_RECEIPT_MASK = 0x3c;
const TLV_RECEIPTED_MESSAGE_ID = 0x001e;
const TLV_MESSAGE_STATE = 0x0427;
/** Ids kept for matching receipts; old ones are forgotten first. */
const TRACKED_REFERENCES = 100_000;
const MAX_PARTS = 255;

export class SmppTransport implements SmsTransport {
  readonly kind = 'smpp' as const;
  private readonly timers: Timers;
  private readonly logger: Logger;
  private readonly listeners: ListenerSet<TransportEvent>;
  private readonly backoff: ReconnectBackoff;
  private readonly rateLimiter: SendRateLimiter | undefined;
  private readonly references = new SubmittedReferences(TRACKED_REFERENCES);
  private readonly inbound: InboundAssembler;
  private readonly target: ConnectionTarget;
  private session: SmppSession | undefined;
  private connecting: SmppSession | undefined;
  private cancelReconnect: (() => void) | undefined;
  private started = false;
  private closing: Promise<void> | undefined;
  private concatReference: number;
  private currentStatus: LinkStatus = { state: 'down', detail: 'Not started' };

  constructor(
    private readonly settings: SmppSettings,
    private readonly deps: SmppDependencies,
  ) {
    this.timers = deps.timers ?? systemTimers;
    this.logger = deps.logger ?? silentLogger;
    this.listeners = new ListenerSet((error, event) => this.logger.error(`SMPP: a ${event.type} listener failed`, error));
    this.backoff = new ReconnectBackoff(
      { initialMs: settings.reconnectInitialMs ?? 1000, maxMs: settings.reconnectMaxMs ?? 5 * 60_000 },
      deps.random,
    );
    this.rateLimiter =
      settings.maxMessagesPerSecond === undefined
        ? undefined
        : new SendRateLimiter(settings.maxMessagesPerSecond, deps.clock, this.timers);
    this.inbound = new InboundAssembler(this.timers, settings.inboundPartsTimeoutMs ?? 10 * 60_000, (message) =>
      this.emit({ type: 'inbound', sms: { ...message, receivedAt: deps.clock.now() } }),
    );
    this.target = {
      host: settings.host,
      port: settings.port,
      tls: settings.tls,
      tlsOptions: settings.tlsOptions,
      connectTimeoutMs: settings.connectTimeoutMs ?? 10_000,
    };
    this.concatReference = Math.floor(deps.random.next() * 256);
  }

  start(): void {
    if (this.started || this.closing !== undefined) return;
    this.started = true;
    void this.connect();
  }

  async send(sms: OutgoingSms): Promise<SendOutcome> {
    if (this.closing !== undefined) return linkDownOutcome('the SMPP transport is closed');
    if (this.session === undefined) return linkDownOutcome(this.currentStatus.lastError ?? 'not bound');

    const { encoding, parts } = splitMessage(sms.text);
    if (parts.length > MAX_PARTS) {
      return { ok: false, retryable: false, code: 'TOO_LONG', reason: `the text needs ${parts.length} SMS parts` };
    }
    const reference = parts.length > 1 ? this.nextConcatReference() : undefined;
    const common = {
      source: sourceAddress(this.settings.sourceAddr ?? ''),
      destination: destinationAddress(sms.to),
      encoding,
      deliveryReport: sms.requestDeliveryReport,
      validityMinutes: sms.validityMinutes,
    };
    const outcomes = await Promise.all(
      parts.map((part, i) =>
        this.submitPart(
          submitSmFields({
            ...common,
            bytes: part.bytes,
            udh: reference === undefined ? undefined : concatUdh(reference, parts.length, i + 1),
          }),
        ),
      ),
    );
    return this.messageOutcome(outcomes, sms.requestDeliveryReport);
  }

  status(): LinkStatus {
    return { ...this.currentStatus };
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.cancelReconnect?.();
    this.cancelReconnect = undefined;
    this.rateLimiter?.cancelAll(new LinkDownError('the SMPP transport is closing'));
    const sessions = [this.session, this.connecting].filter((s): s is SmppSession => s !== undefined);
    this.session = undefined;
    this.connecting = undefined;
    await Promise.all(sessions.map((session) => session.close(this.settings.closeTimeoutMs ?? 5000)));
    this.inbound.flush();
    this.setStatus({ state: 'closed', detail: 'Closed' });
  }

  private async connect(): Promise<void> {
    this.cancelReconnect = undefined;
    if (this.closing !== undefined) return;
    this.setStatus({ state: 'connecting', detail: `Connecting to ${this.where()}`, lastError: this.currentStatus.lastError });
    const session = new SmppSession(
      {
        systemId: this.settings.systemId,
        password: this.settings.password,
        systemType: this.settings.systemType ?? '',
        windowSize: this.settings.windowSize ?? 10,
        requestTimeoutMs: this.settings.requestTimeoutMs ?? 10_000,
        enquireLinkIntervalMs: this.settings.enquireLinkIntervalMs ?? 30_000,
        enquireLinkTimeoutMs: this.settings.enquireLinkTimeoutMs ?? 10_000,
      },
      this.timers,
      this.logger,
      {
        onDeliverSm: (frame) => this.deliverSm(frame),
        onDown: (reason) => this.linkLost(session, reason),
      },
    );
    this.connecting = session;
    const bound = await session.open(this.target);
    if (this.connecting !== session) return; // close() took it over
    this.connecting = undefined;
    if (bound.ok) {
      this.session = session;
      this.backoff.reset();
      this.setStatus({ state: 'up', detail: `Bound to ${this.where()} as ${this.settings.systemId}` });
      this.logger.info(`SMPP: bound to ${this.where()}`);
      return;
    }
    // Wrong credentials will not fix themselves: try again only rarely, so an
    // account is not locked out by a burst of refused binds.
    const credentials = bound.status !== undefined && isCredentialError(bound.status);
    this.retryLater(bound.reason, credentials ? this.backoff.longestDelayMs() : this.backoff.nextDelayMs());
  }

  private linkLost(session: SmppSession, reason: string): void {
    if (this.session !== session || this.closing !== undefined) return;
    this.session = undefined;
    this.logger.warn(`SMPP: link to ${this.where()} lost: ${reason}`);
    this.retryLater(`link lost: ${reason}`, this.backoff.nextDelayMs());
  }

  private retryLater(reason: string, delayMs: number): void {
    if (this.closing !== undefined) return;
    const seconds = Math.max(1, Math.round(delayMs / 1000));
    this.setStatus({
      state: 'down',
      detail: `Not connected to ${this.where()}: ${reason}; next try in ${seconds} s`,
      lastError: reason,
    });
    this.cancelReconnect = this.timers.schedule(delayMs, () => void this.connect());
  }

  private async submitPart(fields: smpp.PduFields): Promise<SubmitOutcome> {
    if (this.rateLimiter !== undefined) {
      try {
        await this.rateLimiter.wait();
      } catch {
        return linkDownOutcome('the SMPP transport is closing');
      }
    }
    // The session current when the part's turn comes: a rebind may have happened meanwhile.
    const session = this.session;
    if (session === undefined) return linkDownOutcome(this.currentStatus.lastError ?? 'not bound');
    return session.submit(fields);
  }

  /**
   * All parts accepted → their references. Otherwise the message failed: a
   * permanent refusal of any part wins over retryable troubles, since retrying
   * would be refused again.
   */
  private messageOutcome(outcomes: SubmitOutcome[], trackReceipts: boolean): SendOutcome {
    const failures = outcomes.filter((o) => !o.ok);
    const permanent = failures.find((o) => !o.retryable);
    const failure = permanent ?? failures[0];
    if (failure !== undefined) return failure;
    const references = outcomes.map((o) => (o.ok ? o.messageId : ''));
    if (trackReceipts) for (const reference of references) this.references.remember(reference);
    return { ok: true, references };
  }

  private deliverSm(frame: Buffer): number {
    const body = readDeliverSmBody(frame);
    if ((body.esmClass & ESM_CLASS_RECEIPT_MASK) !== 0) this.receipt(body);
    else {
      const { concat, body: text } = splitUserData(body.esmClass, body.userData);
      this.inbound.add(inboundSender(body.sourceAddr, body.sourceAddrTon), body.dataCoding, concat, text);
    }
    return 0;
  }

  private receipt(body: DeliverSmBody): void {
    const receiptedId = body.tlvs.get(TLV_RECEIPTED_MESSAGE_ID)?.toString('latin1').replace(/\0+$/, '');
    const parsed = parseDeliveryReceipt(body.userData.toString('latin1'), {
      receiptedMessageId: receiptedId,
      messageState: body.tlvs.get(TLV_MESSAGE_STATE)?.[0],
    });
    if (parsed === undefined) {
      this.logger.warn('SMPP: a delivery receipt named no message id; ignored');
      return;
    }
    const matched = parsed.messageIds.map((id) => this.references.match(id)).find((r) => r !== undefined);
    // Unmatched (sent before a restart, or forgotten): pass the id on as written.
    const reference = matched ?? parsed.messageIds[0] ?? '';
    if (matched !== undefined && parsed.state !== 'unknown') this.references.forget(matched);
    this.emit({
      type: 'delivery',
      report: { reference, state: parsed.state, detail: parsed.detail, at: this.deps.clock.now() },
    });
  }

  private nextConcatReference(): number {
    this.concatReference = (this.concatReference + 1) % 256;
    return this.concatReference;
  }

  private setStatus(status: LinkStatus): void {
    this.currentStatus = status;
    this.emit({ type: 'status', status: { ...status } });
  }

  private emit(event: TransportEvent): void {
    this.listeners.emit(event);
  }

  private where(): string {
    return `${this.settings.host}:${this.settings.port}${this.settings.tls ? ' (TLS)' : ''}`;
  }
}

function linkDownOutcome(reason: string): { ok: false; retryable: true; code: 'LINK_DOWN'; reason: string } {
  return { ok: false, retryable: true, code: 'LINK_DOWN', reason: `SMPP link down: ${reason}` };
}
