/**
 * Puts incoming concatenated SMS back together. Parts arrive in any order and
 * sometimes not at all, so a message whose parts stop coming is given up after a
 * timeout and handed over with what did arrive — better than losing it.
 */
import type { Clock } from '../../app/clock';
import type { ConcatInfo } from './concat-udh';

export interface IncomingPart {
  from: string;
  text: string;
  concat: ConcatInfo;
}

export interface ReassembledMessage {
  from: string;
  text: string;
  /** False when the timeout ran out before every part came. */
  complete: boolean;
}

/** Marks where a part never arrived in a message given up on. */
const MISSING_PART = '[…]';

interface PendingMessage {
  from: string;
  total: number;
  firstSeenAt: number;
  parts: Map<number, string>;
}

export class ConcatenatedPartsCollector {
  private readonly pending = new Map<string, PendingMessage>();

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  /** Adds a part; returns the whole message once its last part is in. */
  add(part: IncomingPart): ReassembledMessage | undefined {
    const { reference, total, index } = part.concat;
    if (total <= 1) return { from: part.from, text: part.text, complete: true };
    // Sender and total in the key: two senders (or two messages) may share an 8-bit reference.
    const key = `${part.from}\u0000${reference}\u0000${total}`;
    let message = this.pending.get(key);
    if (message === undefined) {
      message = { from: part.from, total, firstSeenAt: this.clock.now(), parts: new Map() };
      this.pending.set(key, message);
    }
    message.parts.set(index, part.text); // a part sent twice replaces itself
    if (message.parts.size < total) return undefined;
    this.pending.delete(key);
    return { from: message.from, text: joinParts(message), complete: true };
  }

  /** Messages still incomplete after the timeout, removed from the collector. */
  takeExpired(): ReassembledMessage[] {
    const now = this.clock.now();
    const expired: ReassembledMessage[] = [];
    for (const [key, message] of this.pending) {
      if (now - message.firstSeenAt < this.timeoutMs) continue;
      this.pending.delete(key);
      expired.push({ from: message.from, text: joinParts(message), complete: false });
    }
    return expired;
  }

  get pendingCount(): number {
    return this.pending.size;
  }
}

function joinParts(message: PendingMessage): string {
  let text = '';
  for (let index = 1; index <= message.total; index++) text += message.parts.get(index) ?? MISSING_PART;
  return text;
}
