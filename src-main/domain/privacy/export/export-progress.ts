/** Where an export reports how far it has got (the handler turns it into `privacy.export.progress` events). */
export type ProgressSink = (done: number, total: number) => void;

/**
 * Counts the work of one export (rows read, files added, the final step) and
 * reports it: at the start, whenever the whole percent changes, and at the end, so
 * a 100,000-row export sends about a hundred events rather than one per page.
 */
export class ExportProgress {
  private done = 0;
  private total = 1;
  private reportedPercent = -1;

  constructor(private readonly sink: ProgressSink | undefined) {}

  start(total: number): void {
    this.total = Math.max(1, total);
    this.done = 0;
    this.report(true);
  }

  advance(amount: number): void {
    this.done = Math.min(this.total, this.done + amount);
    this.report(false);
  }

  finish(): void {
    this.done = this.total;
    this.report(true);
  }

  private report(always: boolean): void {
    if (!this.sink) return;
    const percent = Math.floor((this.done / this.total) * 100);
    if (!always && percent === this.reportedPercent) return;
    this.reportedPercent = percent;
    this.sink(this.done, this.total);
  }
}
