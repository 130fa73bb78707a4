/**
 * At most N submit_sm unacknowledged at once (the "window" SMSC contracts set).
 * Callers wait their turn in order; when the link goes, everyone still waiting is
 * turned away with the given error instead of being sent on a dead link.
 */

export interface WindowSlot {
  /** Gives the slot back; calling it twice is harmless. */
  release(): void;
}

interface Waiter {
  resolve(slot: WindowSlot): void;
  reject(error: Error): void;
}

export class SubmitWindow {
  private used = 0;
  /** Waiters in arrival order from `head` on: Array.shift() costs O(n) with thousands queued. */
  private queue: (Waiter | undefined)[] = [];
  private head = 0;
  private closedWith: Error | undefined;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('The submit window must be at least 1');
  }

  acquire(): Promise<WindowSlot> {
    if (this.closedWith !== undefined) return Promise.reject(this.closedWith);
    if (this.used < this.size) {
      this.used++;
      return Promise.resolve(this.slot());
    }
    return new Promise((resolve, reject) => this.queue.push({ resolve, reject }));
  }

  /** Turns away everyone waiting now and later; slots already given keep working until released. */
  close(error: Error): void {
    this.closedWith ??= error;
    const waiting = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    for (const waiter of waiting) waiter?.reject(error);
  }

  private slot(): WindowSlot {
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const next = this.nextWaiter();
        // The freed slot passes straight to the next waiter, so `used` stays put.
        if (next !== undefined) next.resolve(this.slot());
        else this.used--;
      },
    };
  }

  private nextWaiter(): Waiter | undefined {
    const waiter = this.queue[this.head];
    if (waiter === undefined) return undefined;
    this.queue[this.head++] = undefined;
    if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return waiter;
  }
}
