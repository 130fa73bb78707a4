/** The timer functions a throttle uses: the real ones, or a test's fakes. */
export interface Timers {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export interface Throttled {
  /** Runs at once if the last run was long enough ago, else once at the end of the wait. */
  (): void;
  /** Drops a pending run (on unmount). */
  cancel(): void;
}

/**
 * At most one run every `intervalMs`: the first call runs at once, calls during the
 * wait collapse into one run when it ends, so the last change is never missed.
 */
export function throttle(run: () => void, intervalMs: number, timers: Timers = realTimers): Throttled {
  let lastRun = -Infinity;
  let pending: unknown;
  const fire = () => {
    pending = undefined;
    lastRun = timers.now();
    run();
  };
  const throttled = () => {
    if (pending !== undefined) return;
    const wait = lastRun + intervalMs - timers.now();
    if (wait <= 0) fire();
    else pending = timers.setTimeout(fire, wait);
  };
  throttled.cancel = () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = undefined;
  };
  return throttled;
}
