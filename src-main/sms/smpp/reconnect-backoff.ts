/**
 * Delays between reconnection attempts: doubling from `initialMs` up to `maxMs`,
 * each scaled by a random factor in [0.5, 1) so that many offices restarting
 * after an SMSC outage do not all come back in the same instant.
 */
import type { RandomSource } from '../../app/random';

export interface BackoffSettings {
  initialMs: number;
  maxMs: number;
}

export class ReconnectBackoff {
  private attempts = 0;

  constructor(
    private readonly settings: BackoffSettings,
    private readonly random: RandomSource,
  ) {}

  /** The delay before the next attempt; each call counts one more failure. */
  nextDelayMs(): number {
    const exponential = Math.min(this.settings.maxMs, this.settings.initialMs * 2 ** this.attempts);
    this.attempts++;
    return Math.round(exponential * (0.5 + this.random.next() / 2));
  }

  /** The ceiling delay, for failures that retrying soon cannot fix. */
  longestDelayMs(): number {
    return Math.round(this.settings.maxMs * (0.5 + this.random.next() / 2));
  }

  /** After a successful bind, start again from the shortest delay. */
  reset(): void {
    this.attempts = 0;
  }
}
