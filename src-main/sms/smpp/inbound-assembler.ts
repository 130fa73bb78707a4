/**
 * Joins the parts of a concatenated incoming SMS. Parts are kept as bytes and
 * decoded once whole, so a character split across two parts survives. A message
 * whose parts never all arrive is still handed on after a while, with "[…]" where
 * parts are missing: a patient's partial reply beats a lost one.
 */
import type { ConcatInfo } from '../encoding/concat-udh';
import { decodeText } from './inbound-text';
import type { Timers } from '../../app/timers';

export interface AssembledText {
  from: string;
  text: string;
}

interface PartialMessage {
  from: string;
  dataCoding: number;
  total: number;
  parts: Map<number, Buffer>;
  cancelTimer: () => void;
}

const MISSING = '[…]';

export class InboundAssembler {
  private readonly partial = new Map<string, PartialMessage>();

  constructor(
    private readonly timers: Timers,
    private readonly incompleteAfterMs: number,
    private readonly deliver: (message: AssembledText) => void,
  ) {}

  /** One received part (or a whole single-part message when `concat` is undefined). */
  add(from: string, dataCoding: number, concat: ConcatInfo | undefined, body: Buffer): void {
    if (concat === undefined || concat.total <= 1) {
      this.deliver({ from, text: decodeText(dataCoding, body) });
      return;
    }
    const key = `${from}\u0000${concat.reference}\u0000${concat.total}`;
    let message = this.partial.get(key);
    if (message === undefined) {
      const created: PartialMessage = {
        from,
        dataCoding,
        total: concat.total,
        parts: new Map(),
        cancelTimer: this.timers.schedule(this.incompleteAfterMs, () => this.finish(key, created)),
      };
      message = created;
      this.partial.set(key, message);
    }
    message.parts.set(concat.index, body);
    if (message.parts.size === message.total) this.finish(key, message);
  }

  /** Hands on every incomplete message now (at shutdown) and stops the timers. */
  flush(): void {
    for (const [key, message] of this.partial) this.finish(key, message);
  }

  private finish(key: string, message: PartialMessage): void {
    message.cancelTimer();
    this.partial.delete(key);
    // Decode each run of consecutive parts on its own; gaps become the marker.
    const pieces: string[] = [];
    let run: Buffer[] = [];
    for (let index = 1; index <= message.total; index++) {
      const part = message.parts.get(index);
      if (part !== undefined) {
        run.push(part);
        continue;
      }
      if (run.length > 0) pieces.push(decodeText(message.dataCoding, Buffer.concat(run)));
      run = [];
      if (pieces.at(-1) !== MISSING) pieces.push(MISSING);
    }
    if (run.length > 0) pieces.push(decodeText(message.dataCoding, Buffer.concat(run)));
    this.deliver({ from: message.from, text: pieces.join('') });
  }
}
