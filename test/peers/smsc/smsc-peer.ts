/**
 * Starts the Perl SMSC (smsc.pl, on Debian's Net::SMPP) on a free loopback port
 * and drives it over its stdin/stdout command channel. One instance per test
 * file or test; stop() ends the process (closing stdin is enough, the kill is a
 * backstop).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const SCRIPT = fileURLToPath(new URL('./smsc.pl', import.meta.url));

export interface SmscOptions {
  systemId?: string;
  password?: string;
  /** How submit_sm_resp message ids are written. */
  ids?: 'decimal' | 'hex';
}

/** One submit_sm as the SMSC saw it. */
export interface SeenSubmit {
  seq: number;
  destination_addr: string;
  dest_addr_ton: number;
  source_addr: string;
  source_addr_ton: number;
  esm_class: number;
  data_coding: number;
  registered_delivery: number;
  validity_period: string;
  /** Hex of the short_message bytes, UDH included. */
  short_message: string;
  /** Empty when the submit was refused. */
  message_id: string;
  status: number;
  answered: boolean;
  /** When it arrived, epoch seconds. */
  at: number;
}

export interface SmscStats {
  connected: boolean;
  bound: boolean;
  connections: number;
  binds: number;
  bind_failures: number;
  unbinds: number;
  enquire_links: number;
  enquire_links_ignored: number;
  /** Most submit_sm received and not yet answered at one moment. */
  max_outstanding: number;
  outstanding: number;
  held: number;
  submits: SeenSubmit[];
  deliver_resps: { seq: number; status: number }[];
  last_bind?: { system_id: string; system_type: string; interface_version: number };
}

type Reply = { ok: boolean; error?: string } & Record<string, unknown>;

interface PendingReply {
  resolve(reply: Reply): void;
  reject(error: Error): void;
}

export class SmscPeer {
  private readonly replies: PendingReply[] = [];
  private stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly port: number,
    lines: AsyncIterator<string>,
  ) {
    child.stderr.on('data', (chunk: Buffer) => {
      // Net::SMPP warns on every disconnect; keep the tail for failure messages only.
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    void (async () => {
      for (let line = await lines.next(); !line.done; line = await lines.next()) {
        this.replies.shift()?.resolve(JSON.parse(line.value) as Reply);
      }
    })();
    child.once('exit', (code) => {
      for (const pending of this.replies.splice(0)) pending.reject(new Error(`smsc.pl exited (${code})\n${this.stderr}`));
    });
  }

  static async start(options: SmscOptions = {}): Promise<SmscPeer> {
    const args = [SCRIPT];
    if (options.systemId !== undefined) args.push('--system-id', options.systemId);
    if (options.password !== undefined) args.push('--password', options.password);
    if (options.ids !== undefined) args.push('--ids', options.ids);
    const child = spawn('perl', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await Promise.race([
      lines.next(),
      new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`smsc.pl exited (${code})`)))),
    ]);
    if (first.done) throw new Error('smsc.pl printed nothing');
    const ready = JSON.parse(first.value) as { port: number };
    return new SmscPeer(child, ready.port, lines);
  }

  /** Sends one control command; resolves with its JSON answer. */
  async command(line: string): Promise<Reply> {
    if (this.child.exitCode !== null) throw new Error(`smsc.pl has exited\n${this.stderr}`);
    const reply = await new Promise<Reply>((resolve, reject) => {
      this.replies.push({ resolve, reject });
      this.child.stdin.write(`${line}\n`);
    });
    if (!reply.ok) throw new Error(`smsc.pl refused "${line}": ${reply.error ?? '?'}\n${this.stderr}`);
    return reply;
  }

  async stats(): Promise<SmscStats> {
    return (await this.command('stats')) as unknown as SmscStats;
  }

  /** Holds every submit answer until release(). */
  hold(): Promise<Reply> {
    return this.command('hold');
  }

  release(): Promise<Reply> {
    return this.command('release');
  }

  /** Answers each submit after `ms`. */
  delay(ms: number): Promise<Reply> {
    return this.command(`delay ${ms}`);
  }

  /** The next `count` submits are answered ESME_RTHROTTLED. */
  throttle(count: number): Promise<Reply> {
    return this.command(`throttle ${count}`);
  }

  /** The next `count` submits are answered with `status`. */
  fail(count: number, status: number): Promise<Reply> {
    return this.command(`fail ${count} ${status.toString(16)}`);
  }

  /** Stops (or resumes) answering enquire_link, for the current connection. */
  answerEnquireLink(answer: boolean): Promise<Reply> {
    return this.command(`enquire ${answer ? 'on' : 'off'}`);
  }

  messageIds(form: 'decimal' | 'hex'): Promise<Reply> {
    return this.command(`ids ${form}`);
  }

  /** Closes the ESME connection now; answers still held are never sent. */
  drop(): Promise<Reply> {
    return this.command('drop');
  }

  /** A receipt for `messageId`, written as given, or converted to hex or decimal; `tlv` adds the TLVs. */
  receipt(messageId: string, stat: string, form: 'asis' | 'hex' | 'dec', tlv = false): Promise<Reply> {
    return this.command(`receipt ${messageId} ${stat} ${form}${tlv ? ' tlv' : ''}`);
  }

  /** An incoming deliver_sm with exactly these bytes. */
  deliver(from: string, ton: number, dataCoding: number, esmClass: number, bytes: Buffer): Promise<Reply> {
    return this.command(`deliver ${from} ${ton} ${dataCoding} ${esmClass} ${bytes.toString('hex')}`);
  }

  /** Writes these raw bytes to the ESME connection, outside any PDU framing (line noise, a confused SMSC). */
  garbage(bytes: Buffer): Promise<Reply> {
    return this.command(`garbage ${bytes.toString('hex')}`);
  }

  /** Polls the stats until `test` holds (or fails after `timeoutMs`). */
  async waitFor(test: (stats: SmscStats) => boolean, timeoutMs = 5000): Promise<SmscStats> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const stats = await this.stats();
      if (test(stats)) return stats;
      if (Date.now() > deadline) throw new Error(`SMSC never reached the expected state: ${JSON.stringify({ ...stats, submits: stats.submits.length })}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const backstop = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(backstop);
  }
}
