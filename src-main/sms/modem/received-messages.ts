/**
 * What reaches the modem from the network: incoming texts (reassembled when they
 * come in parts) and status reports, handed over directly (+CMT, +CDS) or stored
 * and announced (+CMTI, +CDSI), or left on the SIM from before. Each is turned
 * into a transport event first and deleted from the SIM only after, so a crash in
 * between gives a duplicate rather than a loss.
 */
import type { Clock } from '../../app/clock';
import type { Logger } from '../../app/logger';
import { ConcatenatedPartsCollector, decodeReceivedPdu } from '../encoding';
import type { TransportEvent } from '../transport';
import type { AtRunner } from './at-command-engine';
import { parseCmgl, parseCmgr } from './at-responses';

export interface ReceivedMessagesDependencies {
  clock: Clock;
  logger: Logger;
  emit: (event: TransportEvent) => void;
  /** A multipart text still missing parts after this is handed on incomplete. */
  partsTimeoutMs: number;
}

export class ReceivedMessages {
  private readonly parts: ConcatenatedPartsCollector;
  /** The memory AT+CMGR and AT+CMGD read from, once we have set it. */
  private readMemory: string | undefined;

  constructor(private readonly deps: ReceivedMessagesDependencies) {
    this.parts = new ConcatenatedPartsCollector(deps.clock, deps.partsTimeoutMs);
  }

  /** A reopened port may be a modem that restarted: its memory choice is unknown again. */
  portReopened(): void {
    this.readMemory = undefined;
  }

  /** Hands a received PDU on; false when it could not be read (then it stays on the SIM). */
  handlePdu(pdu: string, tpduLength: number | undefined): boolean {
    let decoded;
    try {
      decoded = decodeReceivedPdu(pdu, tpduLength);
    } catch (error) {
      this.deps.logger.warn(`Modem: unreadable PDU (${error instanceof Error ? error.message : 'unknown'})`);
      return false;
    }
    const now = this.deps.clock.now();
    if (decoded.type === 'status-report') {
      // 0x20–0x3F: the SMSC is still trying and will report again.
      if (decoded.outcome === 'pending') return true;
      this.deps.emit({
        type: 'delivery',
        report: {
          reference: String(decoded.messageReference),
          state: decoded.outcome,
          detail: `TP-Status 0x${decoded.status.toString(16).padStart(2, '0')}`,
          at: now,
        },
      });
      return true;
    }
    const whole = decoded.concat
      ? this.parts.add({ from: decoded.from, text: decoded.text, concat: decoded.concat })
      : { from: decoded.from, text: decoded.text };
    if (whole) this.deps.emit({ type: 'inbound', sms: { from: whole.from, text: whole.text, receivedAt: now } });
    return true;
  }

  /** One stored message announced by +CMTI or +CDSI: read, handed on, deleted. */
  async takeStored(run: AtRunner, memory: string, index: number): Promise<void> {
    if (memory !== this.readMemory) {
      // Read and delete work on the first memory of AT+CPMS; point it where the modem stored this one.
      if ((await run.run(`AT+CPMS="${memory}"`, { expect: '+CPMS:' })).ok) this.readMemory = memory;
    }
    const read = await run.run(`AT+CMGR=${index}`, { expect: '+CMGR:' });
    const stored = read.ok ? parseCmgr(read.lines) : undefined;
    if (stored && this.handlePdu(stored.pdu, stored.tpduLength)) await run.run(`AT+CMGD=${index}`);
  }

  /** Texts and reports that reached the SIM while nobody listened. */
  async takeAllStored(run: AtRunner): Promise<void> {
    const listing = await run.run('AT+CMGL=4', { expect: '+CMGL:' });
    if (!listing.ok) return;
    for (const message of parseCmgl(listing.lines)) {
      // 2 and 3 are drafts and sent copies someone else saved: not ours to delete.
      if (message.stat > 1) continue;
      if (this.handlePdu(message.pdu, message.tpduLength)) await run.run(`AT+CMGD=${message.index}`);
    }
  }

  /** Multipart texts given up on: handed on with what came. */
  flushIncomplete(): void {
    const now = this.deps.clock.now();
    for (const message of this.parts.takeExpired()) {
      this.deps.emit({ type: 'inbound', sms: { from: message.from, text: message.text, receivedAt: now } });
    }
  }
}
