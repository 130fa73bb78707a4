/**
 * An optional cap on submits per second, as SMPP accounts are often sold. Each
 * submit gets the next free slot on an evenly spaced timeline, so the cap holds
 * over any one-second span, not just on average.
 */
import type { Clock } from '../../app/clock';
import type { Timers } from '../../app/timers';

export class SendRateLimiter {
  private readonly intervalMs: number;
  private nextSlotAt = 0;
  private readonly sleeping = new Set<{ cancel: () => void; reject: (error: Error) => void }>();

  constructor(
    perSecond: number,
    private readonly clock: Clock,
    private readonly timers: Timers,
  ) {
    if (!(perSecond > 0)) throw new RangeError('The rate limit must be above zero');
    this.intervalMs = 1000 / perSecond;
  }

  /** Resolves when this submit may go; slots are handed out in call order. */
  wait(): Promise<void> {
    const now = this.clock.now();
    const slot = Math.max(now, this.nextSlotAt);
    this.nextSlotAt = slot + this.intervalMs;
    if (slot <= now) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const sleeper = {
        cancel: this.timers.schedule(slot - now, () => {
          this.sleeping.delete(sleeper);
          resolve();
        }),
        reject,
      };
      this.sleeping.add(sleeper);
    });
  }

  /** Wakes every waiting submit with `error` and forgets their slots. */
  cancelAll(error: Error): void {
    for (const sleeper of this.sleeping) {
      sleeper.cancel();
      sleeper.reject(error);
    }
    this.sleeping.clear();
    this.nextSlotAt = 0;
  }
}
