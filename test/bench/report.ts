/**
 * The one benchmark report: every figure beside its target, whether the target is
 * met (computed from the numbers), printed as a table and written as JSON.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type Met = 'yes' | 'no' | '—';

/** A target and the test of the row's numbers against it. */
export interface Target {
  /** As DESIGN.md section 6 words it, with the statistic it is judged on. */
  text: string;
  met: boolean;
}

export interface ReportRow {
  /** Stable key for comparing reports over time. */
  id: string;
  what: string;
  /** The figure as printed. */
  measured: string;
  /** null for the figures DESIGN.md sets no target for. */
  target: string | null;
  met: Met;
  /** The numbers behind `measured` (milliseconds, messages per second, bytes…), as measured. */
  values: Record<string, unknown>;
}

export interface Report {
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  machine: Record<string, unknown>;
  rows: ReportRow[];
  /** Rows whose benchmark failed to run, with the reason. */
  failures: { id: string; what: string; error: string }[];
  notes: string[];
  summary: { met: number; notMet: number; noTarget: number; failed: number };
}

export class ReportBuilder {
  readonly rows: ReportRow[] = [];
  readonly failures: Report['failures'] = [];

  add(row: { id: string; what: string; measured: string; target?: Target; values: Record<string, unknown> }): void {
    this.rows.push({
      id: row.id,
      what: row.what,
      measured: row.measured,
      target: row.target?.text ?? null,
      met: row.target ? (row.target.met ? 'yes' : 'no') : '—',
      values: row.values,
    });
  }

  /** A benchmark that could not run still gets its line, so a missing figure is never silent. */
  failed(id: string, what: string, target: string | null, err: unknown): void {
    const error = err instanceof Error ? err.message : String(err);
    this.failures.push({ id, what, error });
    this.rows.push({ id, what, measured: `FAILED: ${error.split('\n')[0] ?? ''}`, target, met: target ? 'no' : '—', values: { error } });
  }
}

export function buildReport(builder: ReportBuilder, startedAt: Date, machine: Record<string, unknown>, notes: string[]): Report {
  const finishedAt = new Date();
  const { rows } = builder;
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 100) / 10,
    machine,
    rows,
    failures: builder.failures,
    notes,
    summary: {
      met: rows.filter((row) => row.met === 'yes').length,
      notMet: rows.filter((row) => row.met === 'no').length,
      noTarget: rows.filter((row) => row.met === '—').length,
      failed: builder.failures.length,
    },
  };
}

/** A plain-text table: what | measured | target | met. */
export function formatTable(rows: readonly ReportRow[]): string {
  const header = { what: 'what', measured: 'measured', target: 'target', met: 'met' };
  const cells = [header, ...rows.map((row) => ({ what: row.what, measured: row.measured, target: row.target ?? '—', met: row.met }))];
  const width = (key: keyof typeof header) => Math.max(...cells.map((cell) => cell[key].length));
  const widths = { what: width('what'), measured: width('measured'), target: width('target'), met: width('met') };
  const line = (cell: typeof header) =>
    `${cell.what.padEnd(widths.what)} | ${cell.measured.padEnd(widths.measured)} | ${cell.target.padEnd(widths.target)} | ${cell.met}`.trimEnd();
  const rule = `${'-'.repeat(widths.what)}-+-${'-'.repeat(widths.measured)}-+-${'-'.repeat(widths.target)}-+-${'-'.repeat(widths.met)}`;
  return [line(header), rule, ...cells.slice(1).map(line)].join('\n');
}

/**
 * Writes bench-results/bench-<timestamp>.json and bench-results/latest.json. The
 * timestamp is the start time in ISO 8601 with the colons as hyphens
 * (2026-11-24T22-12-25Z), a name every file system takes.
 */
export async function writeReport(report: Report, dir: string): Promise<{ file: string; latest: string }> {
  await mkdir(dir, { recursive: true });
  const stamp = report.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const file = join(dir, `bench-${stamp}.json`);
  const latest = join(dir, 'latest.json');
  const text = `${JSON.stringify(report, null, 2)}\n`;
  await writeFile(file, text);
  await writeFile(latest, text);
  return { file, latest };
}

/** Nearest-rank percentile (p in 0–100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  if (sorted.length === 0) return Number.NaN;
  return Number.isInteger(middle) ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2 : (sorted[Math.floor(middle)] ?? Number.NaN);
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;
export const ms = (value: number, digits = 2): string => `${value.toFixed(digits)} ms`;
