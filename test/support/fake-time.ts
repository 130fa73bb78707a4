import type { Clock } from '../../src-main/app/clock';
import type { Timers } from '../../src-main/app/timers';

interface Task {
  at: number;
  seq: number;
  run: () => void;
}

/**
 * Lets real I/O (SQLite's thread pool, promise chains, setImmediate) catch up:
 * a few turns of the event loop, each of which also gives pending I/O a chance.
 */
export async function settle(turns = 8): Promise<void> {
  for (let i = 0; i < turns; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * A clock and timers that move together, only when told: `advance(ms)` runs the
 * tasks that fall due on the way, in time order, with the clock set to each
 * task's time, and lets the work they start (database writes) settle in between.
 */
export class FakeTime implements Clock, Timers {
  private current: number;
  private seq = 0;
  private tasks: Task[] = [];

  /**
   * `patienceMs`: how long (real time) to wait for a task to schedule its next one
   * before moving on; jobs whose every look ends with a new sleep (a backup that
   * writes a file) can wait longer than the default turn-based bound on a busy machine.
   */
  constructor(
    start: number,
    private readonly options: { patienceMs?: number } = {},
  ) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  schedule(delayMs: number, run: () => void): () => void {
    const task: Task = { at: this.current + Math.max(0, delayMs), seq: this.seq++, run };
    this.tasks.push(task);
    return () => {
      this.tasks = this.tasks.filter((t) => t !== task);
    };
  }

  /** How many tasks are waiting, and when the first is due (undefined when none). */
  pending(): { count: number; next: number | undefined } {
    const next = this.nextTask();
    return { count: this.tasks.length, next: next?.at };
  }

  /** Moves the clock forward by `ms`, running every task due on the way. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + ms);
  }

  async advanceTo(target: number): Promise<void> {
    await settle();
    for (;;) {
      const task = this.nextTask();
      if (!task || task.at > target) break;
      this.tasks = this.tasks.filter((t) => t !== task);
      this.current = Math.max(this.current, task.at);
      const before = this.seq;
      task.run();
      await this.afterTask(before);
    }
    this.current = Math.max(this.current, target);
    await settle();
  }

  /** Sets the clock without running anything (a clock that jumped). */
  set(at: number): void {
    this.current = at;
  }

  /**
   * Most tasks end by scheduling the next one (a sleep, the next pass) once their
   * database work is done: wait for that, however slow the machine is, up to a
   * bound (a task that schedules nothing costs that bound, ~50 ms).
   */
  private async afterTask(seqBefore: number): Promise<void> {
    for (let turn = 0; turn < 40 && this.seq === seqBefore; turn++) await settle(1);
    const deadline = Date.now() + (this.options.patienceMs ?? 0);
    while (this.seq === seqBefore && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    await settle(2);
  }

  private nextTask(): Task | undefined {
    let best: Task | undefined;
    for (const task of this.tasks) if (!best || task.at < best.at || (task.at === best.at && task.seq < best.seq)) best = task;
    return best;
  }
}
