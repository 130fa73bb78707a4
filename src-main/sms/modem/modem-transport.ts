/**
 * A GSM modem on a serial port as an SmsTransport, in PDU mode. It keeps the
 * modem open and initialised (reopening with backoff when the port vanishes),
 * sends each part with AT+CMGS, turns +CDS status reports into delivery events,
 * reads incoming texts (+CMTI, +CMT, and whatever waited on the SIM at start)
 * and deletes them once handed on. The dispatcher owns retries: while the modem
 * is down or unregistered, send() fails fast as retryable.
 */
import { ListenerSet } from '../../app/listener-set';
import type { Clock } from '../../app/clock';
import { silentLogger, type Logger } from '../../app/logger';
import type { RandomSource } from '../../app/random';
import { encodeSubmitPdus, PduFormatError } from '../encoding';
import type { LinkStatus, OutgoingSms, SendOutcome, SmsTransport, TransportEvent } from '../transport';
import { AtCommandEngine, type AtCommandOptions, type AtRunner } from './at-command-engine';
import {
  isRegistered,
  parseCmgs,
  parseDirectLength,
  parseRegistration,
  parseStorageNotice,
  signalBars,
  type Registration,
} from './at-responses';
import { initializeModem, readNetworkState, type ModemInfo, type NetworkState, type PinAttempt } from './modem-init';
import { ReceivedMessages } from './received-messages';
import { refused, rejected, sendFailure } from './send-outcome';
import { SerialLink } from './serial-link';

export interface ModemSettings {
  /** "/dev/ttyUSB2", "COM4". */
  path: string;
  baudRate?: number;
  /** Never logged, never put in a status or an error. */
  pin?: string;
  /** Answer time allowed for an ordinary command (default 5 s). */
  commandTimeoutMs?: number;
  /** Time for the "> " prompt after AT+CMGS (default 5 s). */
  promptTimeoutMs?: number;
  /** Time for the network to accept a part after the PDU is written (default 60 s). */
  sendTimeoutMs?: number;
  /** First reopening delay (default 1 s), doubling up to reconnectMaxMs (default 30 s). */
  reconnectInitialMs?: number;
  reconnectMaxMs?: number;
  /** How often signal and registration are refreshed, which also checks the modem still answers (default 30 s). */
  pollIntervalMs?: number;
  /** How long close() lets an in-flight send be answered (default 10 s). */
  closeTimeoutMs?: number;
  /** A multipart incoming text still missing parts after this is handed on incomplete (default 10 min). */
  inboundPartsTimeoutMs?: number;
  /** After an accepted PIN, checks for SIM ready (default 10, 1 s apart). */
  simReadyChecks?: number;
  simReadyDelayMs?: number;
}

export interface ModemDependencies {
  clock: Clock;
  random: RandomSource;
  logger?: Logger;
}

/** For `doctor` and the settings screen. */
export interface ModemReport {
  info: ModemInfo | undefined;
  network: NetworkState | undefined;
  /** False when the port refused DTR/RTS (normal on pseudo-terminals). */
  controlLinesSet: boolean | undefined;
}

/** Commands in a row left unanswered before the modem counts as gone and the port is reopened. */
const TIMEOUTS_BEFORE_REOPEN = 3;
/** After ESC a modem left at a "> " prompt answers within this; the answer is then ignored. */
const ESC_SETTLE_MS = 100;
const CTRL_ESC = '\u001b';

export class ModemTransport implements SmsTransport {
  readonly kind = 'modem' as const;
  private readonly logger: Logger;
  private readonly listeners: ListenerSet<TransportEvent>;
  private readonly received: ReceivedMessages;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Pending delay() calls, let go at close() so that nothing waits forever on a cleared timer. */
  private readonly sleepers = new Set<() => void>();
  private link: SerialLink | undefined;
  private engine: AtCommandEngine | undefined;
  private ready = false;
  private info: ModemInfo | undefined;
  private network: NetworkState | undefined;
  private started = false;
  private closed = false;
  private failures = 0;
  private timeoutsInARow = 0;
  private pinAllowed = true;
  private sendChain: Promise<unknown> = Promise.resolve();
  private concatReference: number;
  private currentStatus: LinkStatus = { state: 'down', detail: 'Not started' };

  constructor(
    private readonly settings: ModemSettings,
    private readonly deps: ModemDependencies,
  ) {
    this.logger = deps.logger ?? silentLogger;
    this.listeners = new ListenerSet((error) => this.logger.error('Modem: an event listener failed', error));
    this.received = new ReceivedMessages({
      clock: deps.clock,
      logger: this.logger,
      emit: (event) => this.emit(event),
      partsTimeoutMs: settings.inboundPartsTimeoutMs ?? 10 * 60_000,
    });
    this.concatReference = Math.floor(deps.random.next() * 256);
  }

  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.connect();
  }

  status(): LinkStatus {
    return this.currentStatus;
  }

  report(): ModemReport {
    return { info: this.info, network: this.network, controlLinesSet: this.link?.controlLinesSet };
  }

  describe(): { label: string; value: string }[] {
    const { info, network } = this;
    const facts: [string, string | undefined][] = [
      ['Modem', [info?.manufacturer, info?.model].filter(Boolean).join(' ') || undefined],
      ['SIM', this.ready ? 'ready' : undefined],
      ['Registration', network?.registration],
      ['Operator', network?.operator],
      ['Signal', network?.signalBars === undefined ? undefined : `${network.signalBars}/5`],
      ['SMS centre', info?.smsc],
    ];
    return facts.flatMap(([label, value]) => (value === undefined ? [] : [{ label, value: String(value) }]));
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  send(sms: OutgoingSms): Promise<SendOutcome> {
    if (this.closed) return Promise.resolve(refused('CLOSED', 'The modem channel is closed'));
    // One message at a time, so the parts of one message go out back to back.
    const sending = this.sendChain.then(() => this.sendNow(sms));
    this.sendChain = sending.catch(() => undefined);
    return sending.catch((error: unknown) => {
      this.logger.error(`Modem: sending ${sms.id} failed unexpectedly`, error);
      return refused('INTERNAL', 'Unexpected error while sending');
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const wake of this.sleepers) wake();
    let graceTimer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.sendChain,
      new Promise<void>((resolve) => (graceTimer = setTimeout(resolve, this.settings.closeTimeoutMs ?? 10_000))),
    ]);
    clearTimeout(graceTimer);
    await this.dropLink();
    this.setStatus({ state: 'closed', detail: 'Closed' });
  }

  // ── Connecting ─────────────────────────────────────────────────────────────

  private async connect(): Promise<void> {
    if (this.closed) return;
    const { path } = this.settings;
    this.setStatus({ state: 'connecting', detail: `Opening ${path}`, lastError: this.currentStatus.lastError });
    let link: SerialLink | undefined;
    const engine = new AtCommandEngine(
      (data) => (link ? link.write(data) : Promise.reject(new Error('port not open'))),
      (unsolicited) => this.onUnsolicited(unsolicited.line, unsolicited.pdu),
      { commandMs: this.settings.commandTimeoutMs ?? 5000, promptMs: this.settings.promptTimeoutMs ?? 5000 },
    );
    try {
      link = await SerialLink.open(
        { path, baudRate: this.settings.baudRate ?? 115_200 },
        {
          onLine: (line) => engine.receiveLine(line),
          onRaw: (text) => engine.receiveRaw(text),
          onDown: (reason) => this.onLinkDown(engine, reason),
        },
      );
    } catch (error) {
      this.connectFailed(false, 'PORT_UNAVAILABLE', `Cannot open ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (this.closed) {
      await link.close();
      return;
    }
    this.link = link;
    this.engine = engine;
    this.timeoutsInARow = 0;
    // A modem left at a "> " prompt by an earlier run would take our AT as PDU text: ESC gets it out.
    await link.write(CTRL_ESC).catch(() => undefined);
    await this.delay(ESC_SETTLE_MS);

    const outcome = await initializeModem(engine, {
      pin: this.settings.pin,
      pinAllowed: this.pinAllowed,
      simReadyChecks: this.settings.simReadyChecks ?? 10,
      simReadyDelayMs: this.settings.simReadyDelayMs ?? 1000,
      delay: (ms) => this.delay(ms),
    });
    this.rememberPin(outcome.pinAttempt);
    if (this.engine !== engine || this.closed) return; // went down or closed meanwhile; handled there
    if (!outcome.ok) {
      await this.dropLink();
      this.connectFailed(outcome.fatal, outcome.code, outcome.reason);
      return;
    }
    this.failures = 0;
    this.info = outcome.info;
    this.network = outcome.network;
    this.ready = true;
    this.received.portReopened();
    this.logger.info(`Modem on ${path} ready (${outcome.info.manufacturer ?? '?'} ${outcome.info.model ?? '?'})`);
    this.updateNetworkStatus();
    this.schedulePoll(engine);
    await this.received.takeAllStored(this.runner(engine));
  }

  private rememberPin(attempt: PinAttempt | undefined): void {
    // Sent again only after it worked: a rejected or unanswered PIN could burn one of the SIM's three tries.
    if (attempt === 'rejected' || attempt === 'uncertain') this.pinAllowed = false;
    if (attempt === 'accepted') this.pinAllowed = true;
  }

  private connectFailed(fatal: boolean, code: string, reason: string): void {
    if (this.closed) return;
    this.failures++;
    this.logger.warn(`Modem: ${code}${fatal ? ' (not retrying)' : ''}`);
    if (fatal) {
      this.setStatus({ state: 'down', detail: reason, lastError: code });
      return;
    }
    const waitMs = this.reconnectDelay();
    this.setStatus({
      state: 'down',
      detail: `${reason} (${this.failures} ${this.failures === 1 ? 'attempt' : 'attempts'}); retrying in ${seconds(waitMs)}`,
      lastError: code,
    });
    this.after(waitMs, () => void this.connect());
  }

  private reconnectDelay(): number {
    const initial = this.settings.reconnectInitialMs ?? 1000;
    const max = this.settings.reconnectMaxMs ?? 30_000;
    return Math.min(max, initial * 2 ** Math.max(0, this.failures - 1));
  }

  private onLinkDown(engine: AtCommandEngine, reason: string): void {
    if (this.engine !== engine) return;
    this.logger.warn(`Modem on ${this.settings.path} lost: ${reason}`);
    this.engine = undefined;
    this.link = undefined;
    this.ready = false;
    engine.stop(); // answers the command in flight, a send included, with link-down
    if (this.closed) return;
    this.connectFailed(false, 'LINK_DOWN', `Modem disconnected (${reason})`);
  }

  /** Closes the port on our side; a running connect() notices through `this.engine`. */
  private async dropLink(): Promise<void> {
    const { link, engine } = this;
    this.link = undefined;
    this.engine = undefined;
    this.ready = false;
    engine?.stop();
    await link?.close();
  }

  // ── Keeping watch ──────────────────────────────────────────────────────────

  /** Polls through `engine` until it is replaced: a reopened port starts its own round. */
  private schedulePoll(engine: AtCommandEngine): void {
    this.after(this.settings.pollIntervalMs ?? 30_000, () => void this.poll(engine));
  }

  private async poll(engine: AtCommandEngine): Promise<void> {
    if (this.engine !== engine || !this.ready) return;
    this.received.flushIncomplete();
    const network = await readNetworkState(this.runner(engine));
    if (this.engine !== engine) return;
    this.network = network;
    this.updateNetworkStatus();
    this.schedulePoll(engine);
  }

  /** The engine, counting timeouts in a row: a modem that stopped answering is reopened. */
  private runner(engine: AtCommandEngine): AtRunner {
    return {
      run: async (command: string, options?: AtCommandOptions) => {
        const result = await engine.run(command, options);
        if (this.engine !== engine) return result;
        if (result.ok || result.failure.kind !== 'timeout') {
          this.timeoutsInARow = 0;
        } else if (++this.timeoutsInARow >= TIMEOUTS_BEFORE_REOPEN) {
          this.logger.warn(`Modem on ${this.settings.path} stopped answering; reopening`);
          void this.dropLink().then(() => this.connectFailed(false, 'NO_ANSWER', 'The modem stopped answering'));
        }
        return result;
      },
    };
  }

  private updateNetworkStatus(): void {
    const network = this.network;
    if (!this.ready || !network) return;
    const registration = bestRegistration(network);
    const bars = network.signalBars;
    const signal = bars === undefined ? '' : `, signal ${bars}/5`;
    if (isRegistered(registration)) {
      const where = registration === 'roaming' ? 'Roaming' : 'Registered';
      this.setStatus({
        state: 'up',
        detail: `${where}, ${network.operator ?? 'unknown operator'}${signal}`,
        signalBars: bars,
        operator: network.operator,
      });
    } else {
      this.setStatus({
        state: 'down',
        detail: `${REGISTRATION_TEXT[registration ?? 'unknown']}${signal}`,
        signalBars: bars,
        lastError: 'NOT_REGISTERED',
      });
    }
  }

  // ── Sending ────────────────────────────────────────────────────────────────

  private async sendNow(sms: OutgoingSms): Promise<SendOutcome> {
    const engine = this.engine;
    if (!engine || !this.ready) return refused('LINK_DOWN', this.currentStatus.detail);
    if (!isRegistered(bestRegistration(this.network))) return refused('NOT_REGISTERED', this.currentStatus.detail);
    let pdus;
    try {
      pdus = encodeSubmitPdus({
        to: sms.to,
        text: sms.text,
        requestStatusReport: sms.requestDeliveryReport,
        validityMinutes: sms.validityMinutes,
        concatReference: this.concatReference,
      }).pdus;
    } catch (error) {
      if (error instanceof PduFormatError) return rejected('INVALID_NUMBER', 'Not a phone number the modem can send to');
      // concatUdh refuses more than 255 parts.
      if (error instanceof RangeError) return rejected('TOO_LONG', 'The text needs more than 255 parts');
      throw error;
    }
    if (pdus.length > 1) this.concatReference = (this.concatReference + 1) % 256;

    const run = this.runner(engine);
    const references: string[] = [];
    for (const [i, { pdu, tpduLength }] of pdus.entries()) {
      const result = await run.run(`AT+CMGS=${tpduLength}`, {
        pdu,
        expect: '+CMGS:',
        timeoutMs: this.settings.sendTimeoutMs ?? 60_000,
      });
      const sentSoFar = i === 0 ? '' : ` (after ${i} of ${pdus.length} parts went out)`;
      if (!result.ok) return sendFailure(result.failure, sentSoFar);
      const reference = parseCmgs(result.lines);
      if (reference === undefined) return refused('NO_REFERENCE', `The modem said OK without a message reference${sentSoFar}`);
      references.push(String(reference));
    }
    return { ok: true, references };
  }

  // ── What the modem says on its own ─────────────────────────────────────────

  private onUnsolicited(line: string, pdu: string | undefined): void {
    if (pdu !== undefined) {
      // +CMT (a text handed over directly) or +CDS (a status report): nothing to delete afterwards.
      this.received.handlePdu(pdu, parseDirectLength(line));
      return;
    }
    if (line.startsWith('+CMTI:') || line.startsWith('+CDSI:')) {
      const notice = parseStorageNotice(line);
      if (notice && this.engine) void this.received.takeStored(this.runner(this.engine), notice.memory, notice.index);
      return;
    }
    if (line.startsWith('+CREG:') || line.startsWith('+CGREG:')) {
      const registration = parseRegistration([line], line.startsWith('+CREG:') ? '+CREG:' : '+CGREG:');
      if (this.network && registration) {
        this.network = line.startsWith('+CREG:')
          ? { ...this.network, registration }
          : { ...this.network, gprsRegistration: registration };
        this.updateNetworkStatus();
      }
      return;
    }
    const rssi = /^(?:\^RSSI:|\+CSQ:)\s*(\d+)/.exec(line);
    if (rssi && this.network) {
      this.network = { ...this.network, signalBars: signalBars(Number(rssi[1])) };
      this.updateNetworkStatus();
    }
    // RING, ^BOOT, ^MODE and the like need nothing from us.
  }

  // ── Plumbing ───────────────────────────────────────────────────────────────

  private setStatus(status: LinkStatus): void {
    // JSON leaves out undefined fields, so { operator: undefined } and {} count as the same.
    if (JSON.stringify(status) === JSON.stringify(this.currentStatus)) return;
    this.currentStatus = status;
    this.emit({ type: 'status', status });
  }

  private emit(event: TransportEvent): void {
    this.listeners.emit(event);
  }

  private after(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        this.sleepers.delete(wake);
        resolve();
      };
      this.sleepers.add(wake);
      this.after(ms, wake);
    });
  }
}

const REGISTRATION_TEXT: Record<Registration, string> = {
  home: 'Registered',
  roaming: 'Roaming',
  searching: 'Searching for the network',
  denied: 'The network refused the SIM (registration denied)',
  'not-searching': 'Not registered to a network',
  unknown: 'Network registration unknown',
};

/** SMS goes over either domain: registered on circuit or packet is enough. */
function bestRegistration(network: NetworkState | undefined): Registration | undefined {
  if (!network) return undefined;
  if (isRegistered(network.registration)) return network.registration;
  if (isRegistered(network.gprsRegistration)) return network.gprsRegistration;
  return network.registration ?? network.gprsRegistration;
}

/** "0.4 s", "8 s": tenths only where they matter. */
function seconds(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms / 1000)} s`;
}
