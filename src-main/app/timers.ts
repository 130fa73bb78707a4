/**
 * Where the core gets its timers, so tests and the clock stay injectable and
 * close() can prove nothing is left running.
 */
export interface Timers {
  /** Runs `task` once after `delayMs`; the returned function cancels it (a no-op once it ran). */
  schedule(delayMs: number, task: () => void): () => void;
}

export const systemTimers: Timers = {
  schedule(delayMs, task) {
    const handle = setTimeout(task, delayMs);
    return () => clearTimeout(handle);
  },
};

export type Settled<T> = { kind: 'value'; value: T } | { kind: 'error'; error: unknown } | { kind: 'timeout' };

/** How `promise` settled within `ms`; the timer is cancelled as soon as it settles. */
export function settleWithin<T>(promise: Promise<T>, ms: number, timers: Timers): Promise<Settled<T>> {
  return new Promise((resolve) => {
    const cancel = timers.schedule(ms, () => resolve({ kind: 'timeout' }));
    promise.then(
      (value) => {
        cancel();
        resolve({ kind: 'value', value });
      },
      (error: unknown) => {
        cancel();
        resolve({ kind: 'error', error });
      },
    );
  });
}
