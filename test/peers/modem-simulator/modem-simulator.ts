/**
 * A GSM modem on the far end of a pseudo-terminal: enough of 3GPP TS 27.005/27.007
 * in PDU mode for our driver and for gammu, with faults on demand. It answers
 * the way common USB modems do: echo on until ATE0, results framed by CR LF, the
 * "> " prompt with no line ending, unsolicited lines whenever the network has news.
 */
import { SerialPort } from 'serialport';
import {
  deliverPdu,
  readSubmitPdu,
  statusReportPdu,
  type DeliverSpec,
  type SubmitReading,
} from './network-pdus';
import type { PtyPair } from './pty-pair';

export type SimState = 'ready' | 'pin' | 'puk';

export interface ModemSimulatorOptions {
  /** The SIM asks for this PIN before anything else works. */
  pin?: string;
  /** The SIM is PUK-locked. */
  pukLocked?: boolean;
  /** +CREG stat: 1 home, 5 roaming, 2 searching, 3 denied, 0 not searching. */
  registration?: number;
  /** +CSQ rssi 0–31 (99 unknown). */
  rssi?: number;
  operator?: string;
  /** How long the "network" takes to accept a message (+CMGS answer). */
  networkDelayMs?: number;
  manufacturer?: string;
  model?: string;
}

export interface SentMessage {
  /** Hex PDU exactly as the client sent it after the prompt. */
  pdu: string;
  /** The <length> the client gave to AT+CMGS. */
  declaredLength: number;
  /** TP-MR given back in +CMGS. */
  messageReference: number;
  reading: SubmitReading;
}

interface StoredSms {
  /** 0 received unread, 1 received read. */
  stat: number;
  pdu: string;
  tpduLength: number;
}

const CTRL_Z = '\u001a';
const ESC = '\u001b';
/** 27.005 §3.2.5: invalid PDU mode parameter. */
const CMS_INVALID_PDU = 304;
const CMS_INVALID_INDEX = 321;
const CMS_SIM_PIN_REQUIRED = 311;
const CMS_SIM_PUK_REQUIRED = 316;
const CMS_NO_NETWORK = 331;
const CME_SIM_PIN_REQUIRED = 11;
const CME_SIM_PUK_REQUIRED = 12;
const CME_INCORRECT_PASSWORD = 16;

export class ModemSimulator {
  /** Every command line received, in order (PIN included: this is a test double). */
  readonly commands: string[] = [];
  readonly sent: SentMessage[] = [];
  readonly storage = new Map<number, StoredSms>();

  private port: SerialPort | undefined;
  private input = '';
  private echo = true;
  private cmee = 0;
  private pduMode = false;
  private pendingSendLength: number | undefined;
  private simState: SimState;
  private pinAttemptsLeft = 3;
  private nextReference = 0;
  private nextStorageIndex = 1;
  private readonly sendErrors: number[] = [];
  private readonly injections: Array<{ prefix: string; lines: string[] }> = [];
  private hangUpNextSend: { downForMs: number } | undefined;
  private silent = false;
  /** Per recipient (as read from the PDU): +CMS ERROR codes for its next sends, one each. */
  private readonly sendErrorsTo = new Map<string, number[]>();
  /** While set, every command is answered with these noise bytes and no result code. */
  private garbage: Buffer | undefined;
  private readonly ignored: string[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly pty: PtyPair,
    readonly options: Required<Omit<ModemSimulatorOptions, 'pin'>> & { pin: string | undefined },
  ) {
    this.simState = options.pukLocked ? 'puk' : options.pin ? 'pin' : 'ready';
  }

  static async start(pty: PtyPair, options: ModemSimulatorOptions = {}): Promise<ModemSimulator> {
    const simulator = new ModemSimulator(pty, {
      pin: options.pin,
      pukLocked: options.pukLocked ?? false,
      registration: options.registration ?? 1,
      rssi: options.rssi ?? 18,
      operator: options.operator ?? 'I TIM',
      networkDelayMs: options.networkDelayMs ?? 0,
      manufacturer: options.manufacturer ?? 'Promemoria Test Labs',
      model: options.model ?? 'SIMULATED-GSM-1',
    });
    await simulator.attach();
    return simulator;
  }

  get sim(): SimState {
    return this.simState;
  }

  // ── Scripted faults and network events ─────────────────────────────────────

  /** The next sends are answered with these +CMS ERROR codes, one each. */
  failNextSends(...cmsErrors: number[]): void {
    this.sendErrors.push(...cmsErrors);
  }

  /** The next sends to `recipient` ("+393331234567") are answered with these +CMS ERROR codes, one each; others go through. */
  failSendsTo(recipient: string, ...cmsErrors: number[]): void {
    this.sendErrorsTo.set(recipient, [...(this.sendErrorsTo.get(recipient) ?? []), ...cmsErrors]);
  }

  /**
   * Answers every command with `noise` instead of its answer, no result code
   * (a modem gone mad, or one talking at another speed), until called with undefined.
   */
  answerGarbage(noise: Buffer | undefined): void {
    this.garbage = noise;
  }

  /** The PUK was entered in a phone: the SIM is ready again (no PIN asked). */
  unlockSim(): void {
    this.simState = 'ready';
    this.pinAttemptsLeft = 3;
  }

  /** Lines sent unsolicited in the middle of the next command starting with `prefix` (after its first line). */
  injectDuring(prefix: string, lines: string[]): void {
    this.injections.push({ prefix: prefix.toUpperCase(), lines });
  }

  /** The next command starting with `prefix` gets no answer at all (a lost reply). */
  ignoreNext(prefix: string): void {
    this.ignored.push(prefix.toUpperCase());
  }

  /** The next PDU is swallowed and the modem unplugged for a while, then plugged back in. */
  hangUpOnNextSend(downForMs: number): void {
    this.hangUpNextSend = { downForMs };
  }

  /** Stops answering anything (a wedged modem) until set back to false. */
  setSilent(silent: boolean): void {
    this.silent = silent;
  }

  setRegistration(stat: number): void {
    this.options.registration = stat;
  }

  /** An SMS arrives: stored and announced with +CMTI, or handed over directly with +CMT. */
  receiveSms(spec: DeliverSpec, how: 'cmti' | 'cmt' = 'cmti'): number | undefined {
    const { pdu, tpduLength } = deliverPdu(spec);
    if (how === 'cmt') {
      this.write(`\r\n+CMT: ,${tpduLength}\r\n${pdu}\r\n`);
      return undefined;
    }
    const index = this.store({ stat: 0, pdu, tpduLength });
    this.write(`\r\n+CMTI: "SM",${index}\r\n`);
    return index;
  }

  /** Puts an SMS on the SIM without a word, as if it came while nothing was listening. */
  storeSms(spec: DeliverSpec): number {
    const { pdu, tpduLength } = deliverPdu(spec);
    return this.store({ stat: 0, pdu, tpduLength });
  }

  /** A status report for a message sent earlier: +CDS with the PDU, or stored and announced with +CDSI. */
  statusReport(messageReference: number, status: number, how: 'cds' | 'cdsi' = 'cds'): void {
    const recipient = this.sent.find((s) => s.messageReference === messageReference)?.reading.to ?? '+390000000';
    const { pdu, tpduLength } = statusReportPdu({ messageReference, recipient, status, smsc: '+393359609600' });
    if (how === 'cds') {
      this.write(`\r\n+CDS: ${tpduLength}\r\n${pdu}\r\n`);
    } else {
      const index = this.store({ stat: 0, pdu, tpduLength });
      this.write(`\r\n+CDSI: "SM",${index}\r\n`);
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.detach();
  }

  // ── The serial side ────────────────────────────────────────────────────────

  private async attach(): Promise<void> {
    const port = new SerialPort({ path: this.pty.simulatorPath, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    port.on('data', (chunk: Buffer) => this.onData(chunk.toString('latin1')));
    // The pty vanishing under us is part of the game; nothing to report.
    port.on('error', () => undefined);
    this.port = port;
  }

  private async detach(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private write(text: string): void {
    if (this.port?.isOpen) this.port.write(Buffer.from(text, 'latin1'));
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  private onData(text: string): void {
    if (this.silent) return;
    if (this.garbage !== undefined) {
      // Whatever came in, noise goes out; nothing is understood or kept.
      this.input = '';
      this.pendingSendLength = undefined;
      if (this.port?.isOpen) this.port.write(this.garbage);
      return;
    }
    if (this.echo) this.write(text);
    this.input += text;
    for (;;) {
      if (this.pendingSendLength !== undefined) {
        const ends = [this.input.indexOf(CTRL_Z), this.input.indexOf(ESC)].filter((i) => i >= 0);
        if (ends.length === 0) return;
        const end = Math.min(...ends);
        const pdu = this.input.slice(0, end).replace(/\s/g, '');
        const cancelled = this.input[end] === ESC;
        this.input = this.input.slice(end + 1);
        const length = this.pendingSendLength;
        this.pendingSendLength = undefined;
        if (cancelled) this.finish('OK');
        else this.acceptPdu(pdu, length);
        continue;
      }
      const end = this.input.search(/[\r\n]/);
      if (end < 0) return;
      const line = this.input.slice(0, end).trim();
      this.input = this.input.slice(end + 1);
      if (line !== '') this.onCommand(line);
    }
  }

  // ── Answers ────────────────────────────────────────────────────────────────

  private respond(lines: string[], final: string, commandLine: string): void {
    const injection = this.injections.findIndex((i) => commandLine.toUpperCase().startsWith(i.prefix));
    let out = '';
    lines.forEach((line, i) => {
      out += `\r\n${line}\r\n`;
      if (i === 0 && injection >= 0) out += this.takeInjection(injection);
    });
    if (lines.length === 0 && injection >= 0) out += this.takeInjection(injection);
    this.write(`${out}\r\n${final}\r\n`);
  }

  private takeInjection(index: number): string {
    const [taken] = this.injections.splice(index, 1);
    return (taken?.lines ?? []).map((line) => `\r\n${line}\r\n`).join('');
  }

  private finish(final: string): void {
    this.write(`\r\n${final}\r\n`);
  }

  private cmeError(code: number): string {
    return this.cmee === 0 ? 'ERROR' : `+CME ERROR: ${code}`;
  }

  private cmsError(code: number): string {
    return this.cmee === 0 ? 'ERROR' : `+CMS ERROR: ${code}`;
  }

  private onCommand(received: string): void {
    // Like a real modem, look for "AT" and ignore what came before it (an ESC, line noise).
    const start = received.toUpperCase().indexOf('AT');
    if (start < 0) return;
    const line = received.slice(start);
    this.commands.push(line);
    const ignored = this.ignored.findIndex((prefix) => line.toUpperCase().startsWith(prefix));
    if (ignored >= 0) {
      this.ignored.splice(ignored, 1);
      return;
    }
    const command = line.slice(2).toUpperCase();
    const answer = (lines: string[], final = 'OK'): void => this.respond(lines, final, command);
    const sim = this.simGate();

    if (command === '' || /^[ZQV]\d?$|^&[FW]\d?$|^I\d?$/.test(command)) {
      if (/^I/.test(command)) return answer([`${this.options.manufacturer} ${this.options.model}`]);
      if (/^Z|^&F/.test(command)) this.echo = true;
      return answer([]);
    }
    let match: RegExpMatchArray | null;
    if ((match = command.match(/^E([01])$/))) {
      this.echo = match[1] === '1';
      return answer([]);
    }
    if ((match = command.match(/^\+CMEE=(\d)$/))) {
      this.cmee = Number(match[1]);
      return answer([]);
    }
    if (command === '+CMEE?') return answer([`+CMEE: ${this.cmee}`]);
    if (command === '+CGMI' || command === '+GMI') return answer([this.options.manufacturer]);
    if (command === '+CGMM' || command === '+GMM') return answer([this.options.model]);
    if (command === '+CGMR' || command === '+GMR') return answer(['1.0.0-sim']);
    if (command === '+CGSN' || command === '+GSN') return answer(['356938035643809']);
    if (/^\+CFUN=[01]$/.test(command)) return answer([]);
    if (command === '+CFUN?') return answer(['+CFUN: 1']);
    if (command === '+CPIN?') {
      const state = { ready: 'READY', pin: 'SIM PIN', puk: 'SIM PUK' }[this.simState];
      return answer([`+CPIN: ${state}`]);
    }
    if ((match = line.slice(2).match(/^\+CPIN="?([^",]*)"?$/i))) return this.enterPin(match[1] ?? '', command);
    if (command === '+CSQ') return answer([`+CSQ: ${this.options.rssi},99`]);
    if (command === '+CREG?') return answer([`+CREG: 0,${this.options.registration}`]);
    if (command === '+CGREG?') return answer([`+CGREG: 0,${this.options.registration}`]);
    if (command === '+COPS?') {
      return answer([this.registered() ? `+COPS: 0,0,"${this.options.operator}",2` : '+COPS: 0']);
    }
    if (command === '+CSCS?') return answer(['+CSCS: "GSM"']);
    if (command === '+CSCS=?') return answer(['+CSCS: ("GSM","UCS2","IRA")']);
    if (command === '+CSMS?') return answer(['+CSMS: 0,1,1,1']);
    if (/^\+C(G)?REG=\d$|^\+CSCS=|^\+CSMS=/.test(command)) return answer([]);
    if (command === '+CIMI') return sim ? answer([], sim) : answer(['222013456789012']);

    // Everything below needs the SIM unlocked.
    if (sim) return answer([], this.cmsError(this.simState === 'pin' ? CMS_SIM_PIN_REQUIRED : CMS_SIM_PUK_REQUIRED));
    if ((match = command.match(/^\+CMGF=([01])$/))) {
      this.pduMode = match[1] === '0';
      return answer([]);
    }
    if (command === '+CMGF?') return answer([`+CMGF: ${this.pduMode ? 0 : 1}`]);
    if (command === '+CMGF=?') return answer(['+CMGF: (0,1)']);
    if (command === '+CSCA?') return answer(['+CSCA: "+393359609600",145']);
    if (/^\+CNMI=/.test(command)) return answer([]);
    if (command === '+CNMI?') return answer(['+CNMI: 2,1,0,1,0']);
    if (command === '+CNMI=?') return answer(['+CNMI: (0-2),(0-3),(0,2),(0-2),(0,1)']);
    if (command === '+CPMS=?') return answer(['+CPMS: ("SM"),("SM"),("SM")']);
    if (command === '+CPMS?' || /^\+CPMS=/.test(command)) {
      const used = this.storage.size;
      const prefix = command === '+CPMS?' ? '"SM",' : '';
      return answer([`+CPMS: ${prefix}${used},30,${prefix}${used},30,${prefix}${used},30`]);
    }
    if (command === '+CSMP?') return answer(['+CSMP: 17,167,0,0']);
    if (/^\+CSMP=/.test(command)) return answer([]);
    if ((match = command.match(/^\+CMGS=(\d+)$/))) {
      if (!this.pduMode) return answer([], this.cmsError(CMS_INVALID_PDU));
      this.pendingSendLength = Number(match[1]);
      this.write('\r\n> ');
      return;
    }
    if ((match = command.match(/^\+CMGR=(\d+)$/))) {
      const stored = this.storage.get(Number(match[1]));
      if (!stored) return answer([], this.cmsError(CMS_INVALID_INDEX));
      const stat = stored.stat;
      if (stored.stat === 0) stored.stat = 1;
      return answer([`+CMGR: ${stat},,${stored.tpduLength}`, stored.pdu]);
    }
    if ((match = command.match(/^\+CMGL=(\d)$/))) {
      const wanted = Number(match[1]);
      const lines: string[] = [];
      for (const [index, stored] of [...this.storage].sort((a, b) => a[0] - b[0])) {
        if (wanted !== 4 && stored.stat !== wanted) continue;
        lines.push(`+CMGL: ${index},${stored.stat},,${stored.tpduLength}`, stored.pdu);
        if (stored.stat === 0) stored.stat = 1;
      }
      return answer(lines);
    }
    if ((match = command.match(/^\+CMGD=(\d+)(?:,(\d))?$/))) {
      if (match[2] !== undefined && match[2] !== '0') this.storage.clear();
      else this.storage.delete(Number(match[1]));
      return answer([]);
    }
    return answer([], 'ERROR');
  }

  /** What a locked SIM answers to commands that need it, or undefined when unlocked. */
  private simGate(): string | undefined {
    if (this.simState === 'pin') return this.cmeError(CME_SIM_PIN_REQUIRED);
    if (this.simState === 'puk') return this.cmeError(CME_SIM_PUK_REQUIRED);
    return undefined;
  }

  private enterPin(pin: string, command: string): void {
    if (this.simState === 'puk') return this.respond([], this.cmeError(CME_SIM_PUK_REQUIRED), command);
    if (this.simState === 'ready') return this.respond([], 'OK', command);
    if (pin === this.options.pin) {
      this.simState = 'ready';
      return this.respond([], 'OK', command);
    }
    this.pinAttemptsLeft--;
    if (this.pinAttemptsLeft === 0) this.simState = 'puk';
    this.respond([], this.cmeError(CME_INCORRECT_PASSWORD), command);
  }

  private registered(): boolean {
    return this.options.registration === 1 || this.options.registration === 5;
  }

  private acceptPdu(pdu: string, declaredLength: number): void {
    if (this.hangUpNextSend) {
      const { downForMs } = this.hangUpNextSend;
      this.hangUpNextSend = undefined;
      void this.hangUp(downForMs);
      return;
    }
    let reading: SubmitReading;
    try {
      const octets = pdu.length / 2;
      const smscOctets = 1 + parseInt(pdu.slice(0, 2), 16);
      if (!/^([0-9A-F]{2})+$/i.test(pdu) || octets - smscOctets !== declaredLength) throw new Error('length');
      reading = readSubmitPdu(pdu);
    } catch {
      return this.finish(this.cmsError(CMS_INVALID_PDU));
    }
    const error = this.sendErrors.shift() ?? this.sendErrorsTo.get(reading.to)?.shift();
    const reply = (): void => {
      if (error !== undefined) return this.finish(this.cmsError(error));
      if (!this.registered()) return this.finish(this.cmsError(CMS_NO_NETWORK));
      const messageReference = this.nextReference;
      this.nextReference = (this.nextReference + 1) % 256;
      this.sent.push({ pdu, declaredLength, messageReference, reading });
      this.respond([`+CMGS: ${messageReference}`], 'OK', '+CMGS');
    };
    if (this.options.networkDelayMs > 0) this.later(this.options.networkDelayMs, reply);
    else reply();
  }

  private async hangUp(downForMs: number): Promise<void> {
    await this.detach();
    await this.pty.unplug();
    this.later(downForMs, () => {
      void this.pty.plugIn().then(() => this.attach());
    });
  }

  private store(sms: StoredSms): number {
    const index = this.nextStorageIndex++;
    this.storage.set(index, sms);
    return index;
  }
}
