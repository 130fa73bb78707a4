import { describe, expect, it } from 'vitest';
import { seededRandom, type RandomSource } from '../../../src-main/app/random';
import { MAX_ATTEMPTS, retryDecision } from '../../../src-main/domain/messages/retry-policy';

/** Tuesday 24 November 2026 10:00 UTC. */
const NOW = Date.UTC(2026, 10, 24, 10);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

const fixed = (value: number): RandomSource => ({ next: () => value });
/** Fails the test if the policy draws a number where it should not. */
const noDraw: RandomSource = {
  next: () => {
    throw new Error('no random number should be drawn');
  },
};

/** The delay chosen after `attempts` tries, with the jitter at its middle (random 0.5 → exactly the base delay). */
function middleDelay(attempts: number): number {
  const decision = retryDecision('ESME_RTHROTTLED', true, attempts, NOW, fixed(0.5));
  if (decision.to !== 'queued') throw new Error(`expected a retry after ${attempts} attempts`);
  return decision.at - NOW;
}

describe('what happens to a message the channel did not take', () => {
  it('fails at once on a permanent error, whatever the attempt', () => {
    expect(retryDecision('ESME_RINVDSTADR', false, 1, NOW, noDraw)).toEqual({ to: 'failed' });
    expect(retryDecision('ESME_RINVDSTADR', false, MAX_ATTEMPTS - 1, NOW, noDraw)).toEqual({ to: 'failed' });
  });

  it.each(['LINK_DOWN', 'CHANNEL_NOT_READY', 'CLOSING'])('queues a %s again for now, with no limit on attempts', (code) => {
    expect(retryDecision(code, true, 1, NOW, noDraw)).toEqual({ to: 'queued', at: NOW, uncounted: true });
    expect(retryDecision(code, true, MAX_ATTEMPTS, NOW, noDraw)).toEqual({ to: 'queued', at: NOW, uncounted: true });
    expect(retryDecision(code, true, 100, NOW, noDraw)).toEqual({ to: 'queued', at: NOW, uncounted: true });
  });

  it('backs off 30 s, 1 min, 2 min, 4 min, 8 min, 16 min over the first six attempts', () => {
    expect([1, 2, 3, 4, 5, 6].map(middleDelay)).toEqual([30 * SECOND, MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE, 16 * MINUTE]);
  });

  it('caps the delay at 30 minutes (the seventh attempt would otherwise wait 32)', () => {
    expect(middleDelay(7)).toBe(30 * MINUTE);
  });

  it('spreads each delay from half to one and a half times the base', () => {
    const low = retryDecision('TIMEOUT', true, 3, NOW, fixed(0));
    const high = retryDecision('TIMEOUT', true, 3, NOW, fixed(0.999_999));
    expect(low).toEqual({ to: 'queued', at: NOW + MINUTE });
    expect(high.to).toBe('queued');
    if (high.to === 'queued') expect(high.at - NOW).toBe(Math.round(2 * MINUTE * 1.499_999));
  });

  it('keeps every jittered delay within ±50% of the capped base, and does not send them all back together', () => {
    const random = seededRandom(20261124);
    const delays: number[] = [];
    for (let i = 0; i < 200; i++) {
      const decision = retryDecision('ESME_RTHROTTLED', true, 7, NOW, random);
      if (decision.to !== 'queued') throw new Error('expected a retry');
      delays.push(decision.at - NOW);
    }
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(15 * MINUTE);
      expect(delay).toBeLessThan(45 * MINUTE);
    }
    expect(new Set(delays).size).toBeGreaterThan(150);
  });

  it('gives the same delays for the same seed', () => {
    const run = () => [1, 2, 3, 4].map((attempts) => retryDecision('TIMEOUT', true, attempts, NOW, seededRandom(7)));
    expect(run()).toEqual(run());
  });

  it(`fails for good once ${String(MAX_ATTEMPTS)} attempts are used up, and retries at one fewer`, () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(retryDecision('ESME_RTHROTTLED', true, MAX_ATTEMPTS, NOW, noDraw)).toEqual({ to: 'failed' });
    expect(retryDecision('ESME_RTHROTTLED', true, MAX_ATTEMPTS + 3, NOW, noDraw)).toEqual({ to: 'failed' });
    expect(retryDecision('ESME_RTHROTTLED', true, MAX_ATTEMPTS - 1, NOW, fixed(0.5)).to).toBe('queued');
  });
});
