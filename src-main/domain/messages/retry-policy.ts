import type { RandomSource } from '../../app/random';

/** After this many tries a message fails for good, unless the channel was simply not there. */
export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 30 * 60_000;

/** Codes that say "no channel to try on", not "this message had a problem": they never use up the tries. */
const CHANNEL_ABSENT = new Set(['LINK_DOWN', 'CHANNEL_NOT_READY', 'CLOSING']);

/** `uncounted`: the try never reached a channel, so it is given back (the claim counted it). */
export type RetryDecision = { to: 'queued'; at: number; uncounted?: true } | { to: 'failed' };

/**
 * Exponential backoff with jitter: 30 s, 1 min, 2 min… up to 30 min, each spread
 * over ±50% so that messages that failed together do not all come back together.
 */
export function retryDecision(code: string, retryable: boolean, attempts: number, now: number, random: RandomSource): RetryDecision {
  if (!retryable) return { to: 'failed' };
  if (CHANNEL_ABSENT.has(code)) return { to: 'queued', at: now, uncounted: true };
  if (attempts >= MAX_ATTEMPTS) return { to: 'failed' };
  const delay = Math.min(BASE_DELAY_MS * 2 ** (attempts - 1), MAX_DELAY_MS);
  return { to: 'queued', at: now + Math.round(delay * (0.5 + random.next())) };
}
