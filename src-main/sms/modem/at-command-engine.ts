/**
 * Runs AT commands one at a time over a line-oriented link (3GPP TS 27.007 / V.250):
 * each command gets a timeout and ends with a final result code; anything the
 * modem says on its own meanwhile (RING, +CMTI, +CDS, ^BOOT…) goes to the
 * unsolicited handler instead of being taken as the answer.
 */

export type AtFailure =
  | { kind: 'error' }
  | { kind: 'cme'; code: number | undefined; text: string }
  | { kind: 'cms'; code: number | undefined; text: string }
  | { kind: 'timeout' }
  | { kind: 'link-down' };

export type AtResult = { ok: true; lines: string[] } | { ok: false; failure: AtFailure; lines: string[] };

export interface AtCommandOptions {
  /** The prefix of this command's own response lines ("+CREG:"), so that the same prefix is not taken as unsolicited. */
  expect?: string;
  /** Data written after the "> " prompt and ended with Ctrl-Z (AT+CMGS in PDU mode). */
  pdu?: string;
  /** Time for the final result code (after the PDU, for AT+CMGS). */
  timeoutMs?: number;
}

/** A line the modem sent on its own; `pdu` is the line after it for +CMT, +CDS and +CBM. */
export interface UnsolicitedLine {
  line: string;
  pdu?: string;
}

/** Anything that runs AT commands: the engine itself, or a wrapper that watches its results. */
export interface AtRunner {
  run(command: string, options?: AtCommandOptions): Promise<AtResult>;
}

export interface AtEngineTimeouts {
  commandMs: number;
  /** How long to wait for the "> " prompt after AT+CMGS. */
  promptMs: number;
}

interface Pending {
  command: string;
  options: AtCommandOptions;
  lines: string[];
  phase: 'waiting-prompt' | 'waiting-final';
  timer: NodeJS.Timeout | undefined;
  resolve: (result: AtResult) => void;
}

const CTRL_Z = '\u001a';
const ESC = '\u001b';

/** Lines that only ever come unsolicited, or that do when the running command did not ask for them. */
const UNSOLICITED =
  /^(?:RING|NO CARRIER|\+CRING:|\+CLIP:|\+CMTI:|\+CMT:|\+CDS:|\+CDSI:|\+CBM:|\+CBMI:|\+CREG:|\+CGREG:|\+CEREG:|\+CIEV:|\+CUSD:|\+CPIN:|\+CSQ:|\+CFUN:|\+CGEV:|\+QIND:|\+PACSP\d|\+STIN:|\^|Call Ready|SMS Ready|PB DONE)/;
/** Unsolicited codes that carry a PDU on the next line (27.005 §3.4.1, PDU mode). */
const FOLLOWED_BY_PDU = /^\+(?:CMT|CDS|CBM):/;

export class AtCommandEngine implements AtRunner {
  private readonly queue: Array<Omit<Pending, 'lines' | 'phase' | 'timer'>> = [];
  private current: Pending | undefined;
  private unsolicitedAwaitingPdu: string | undefined;
  private stopped = false;

  constructor(
    private readonly write: (data: string) => Promise<void>,
    private readonly onUnsolicited: (unsolicited: UnsolicitedLine) => void,
    private readonly timeouts: AtEngineTimeouts,
  ) {}

  /** Queues a command ("AT+CSQ", without CR); never rejects. */
  run(command: string, options: AtCommandOptions = {}): Promise<AtResult> {
    if (this.stopped) return Promise.resolve({ ok: false, failure: { kind: 'link-down' }, lines: [] });
    return new Promise((resolve) => {
      this.queue.push({ command, options, resolve });
      if (!this.current) this.next();
    });
  }

  /** True when no command is running or waiting. */
  get idle(): boolean {
    return this.current === undefined && this.queue.length === 0;
  }

  /** One line from the modem, without its CR LF. */
  receiveLine(raw: string): void {
    const line = raw.replace(/\r/g, '').trim();
    if (this.unsolicitedAwaitingPdu !== undefined) {
      const header = this.unsolicitedAwaitingPdu;
      if (line === '') return;
      this.unsolicitedAwaitingPdu = undefined;
      this.onUnsolicited({ line: header, pdu: line });
      return;
    }
    // Blank lines frame every response; "> " is the prompt's remnant once the next line ends it.
    if (line === '' || line.startsWith('>')) return;
    const current = this.current;
    if (current && line === current.command) return; // echo, before ATE0 takes hold
    const final = finalResult(line);
    if (final) {
      // A final code with no command running is a late answer to one that timed out: drop it.
      if (current) this.settle(final.ok ? { ok: true, lines: current.lines } : { ok: false, failure: final.failure, lines: current.lines });
      return;
    }
    const expected = current?.options.expect !== undefined && line.startsWith(current.options.expect);
    if (!expected && (UNSOLICITED.test(line) || !current)) {
      if (FOLLOWED_BY_PDU.test(line)) this.unsolicitedAwaitingPdu = line;
      else this.onUnsolicited({ line });
      return;
    }
    current?.lines.push(line);
  }

  /** Raw text as it arrives: the "> " prompt has no line ending, so lines alone would never show it. */
  receiveRaw(text: string): void {
    const current = this.current;
    if (current?.phase !== 'waiting-prompt' || !text.includes('>')) return;
    current.phase = 'waiting-final';
    this.arm(current, current.options.timeoutMs ?? this.timeouts.commandMs);
    this.send(`${current.options.pdu ?? ''}${CTRL_Z}`);
  }

  /** Answers the running and queued commands with `link-down` and refuses new ones. */
  stop(): void {
    this.stopped = true;
    const waiting = this.queue.splice(0);
    if (this.current) this.settle({ ok: false, failure: { kind: 'link-down' }, lines: this.current.lines });
    for (const command of waiting) command.resolve({ ok: false, failure: { kind: 'link-down' }, lines: [] });
  }

  private next(): void {
    const queued = this.queue.shift();
    if (!queued || this.stopped) return;
    const waitsForPrompt = queued.options.pdu !== undefined;
    const pending: Pending = {
      ...queued,
      lines: [],
      phase: waitsForPrompt ? 'waiting-prompt' : 'waiting-final',
      timer: undefined,
    };
    this.current = pending;
    this.arm(pending, waitsForPrompt ? this.timeouts.promptMs : (queued.options.timeoutMs ?? this.timeouts.commandMs));
    this.send(`${queued.command}\r`);
  }

  private arm(pending: Pending, ms: number): void {
    clearTimeout(pending.timer);
    pending.timer = setTimeout(() => {
      if (this.current !== pending) return;
      // Leave the prompt, or the modem would take our next command as PDU text.
      if (pending.phase === 'waiting-prompt') this.send(ESC);
      this.settle({ ok: false, failure: { kind: 'timeout' }, lines: pending.lines });
    }, ms);
  }

  private send(data: string): void {
    this.write(data).catch(() => {
      if (this.current) this.settle({ ok: false, failure: { kind: 'link-down' }, lines: this.current.lines });
    });
  }

  private settle(result: AtResult): void {
    const pending = this.current;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.current = undefined;
    pending.resolve(result);
    this.next();
  }
}

function finalResult(line: string): { ok: true } | { ok: false; failure: AtFailure } | undefined {
  if (line === 'OK') return { ok: true };
  if (line === 'ERROR') return { ok: false, failure: { kind: 'error' } };
  const match = /^\+(CME|CMS) ERROR:\s*(.*)$/.exec(line);
  if (!match) return undefined;
  const text = match[2] ?? '';
  const code = /^\d+$/.test(text) ? Number(text) : undefined;
  return { ok: false, failure: { kind: match[1] === 'CME' ? 'cme' : 'cms', code, text } };
}
