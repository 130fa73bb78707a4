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

/**
 * A job that looks now and then: first after `firstLookMs`, then when each look
 * says (it returns the pause before the next one). stop() cancels the next look
 * and waits for one in progress, so nothing runs once it resolves.
 */
export class RecurringLook {
  private cancel: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly timers: Timers,
    private readonly look: () => Promise<number>,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  start(firstLookMs: number): void {
    if (this.stopped || this.cancel || this.running) return;
    this.sleep(firstLookMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel?.();
    this.cancel = undefined;
    await this.running;
  }

  private sleep(ms: number): void {
    if (this.stopped) return;
    this.cancel = this.timers.schedule(Math.max(0, ms), () => {
      this.cancel = undefined;
      this.running = this.look()
        .then((next) => this.sleep(next))
        .finally(() => {
          this.running = undefined;
        });
    });
  }
}
