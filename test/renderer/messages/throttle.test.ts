import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../../src-renderer/screens/messages/throttle';

describe('throttled reloads', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first call at once and collapses a burst into one run at the end of the wait', () => {
    const run = vi.fn();
    const throttled = throttle(run, 500);
    throttled();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i++) {
      vi.advanceTimersByTime(5);
      throttled();
    }
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(250);
    expect(run).toHaveBeenCalledTimes(2);
    // Quiet for a while: the next call runs at once again.
    vi.advanceTimersByTime(2000);
    throttled();
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('never runs more than twice a second under a steady stream of events', () => {
    const run = vi.fn();
    const throttled = throttle(run, 500);
    for (let i = 0; i < 1000; i++) {
      throttled();
      vi.advanceTimersByTime(10);
    }
    // 10 seconds of events: at most 2 runs a second, plus the first.
    expect(run.mock.calls.length).toBeLessThanOrEqual(21);
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(19);
  });

  it('drops a pending run when cancelled', () => {
    const run = vi.fn();
    const throttled = throttle(run, 500);
    throttled();
    throttled();
    throttled.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
