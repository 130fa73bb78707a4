/**
 * kill -9 during dispatch, 20 trials (DESIGN.md section 6: 0 messages lost,
 * duplicates ≤ window size). The trials are test/faults/kill-during-dispatch.test.ts,
 * the one place they are written: it is run here as it is by `npm run test:faults`
 * and its result line is read back.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../support/run-entry';

const TEST_FILE = 'test/faults/kill-during-dispatch.test.ts';
/** What the test prints, e.g. "kill -9 × 20: 500 messages, 327 submits before the last run, left in sending per kill max 10, duplicates 75 (75 messages), flagged 200, lost 0". */
const RESULT_LINE =
  /kill -9 × (\d+): (\d+) messages, (\d+) submits before the last run, left in sending per kill max (\d+), duplicates (\d+) \((\d+) messages\), flagged (\d+), lost (\d+)/;

export interface KillFigures {
  /** Whether every assertion of the test held. */
  passed: boolean;
  trials: number;
  messages: number;
  window: number;
  lost: number;
  /** The most messages one kill left in `sending` (possibly sent, outcome unknown): the duplicates that kill can cause. */
  maxLeftSendingPerKill: number;
  duplicates: number;
  duplicatedMessages: number;
  flagged: number;
  seconds: number;
}

export async function benchKillDuringDispatch(window: number): Promise<KillFigures> {
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const start = performance.now();
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      [vitest, 'run', TEST_FILE, '--project', 'node'],
      { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '1' }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
  const seconds = (performance.now() - start) / 1000;
  const match = RESULT_LINE.exec(output);
  if (!match) {
    const tail = output.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${TEST_FILE} ${code === 0 ? 'passed but printed no result line' : `failed (exit ${code})`}:\n${tail}`);
  }
  const [trials, messages, , maxLeft, duplicates, duplicatedMessages, flagged, lost] = match.slice(1).map(Number);
  return {
    passed: code === 0,
    trials: trials ?? 0,
    messages: messages ?? 0,
    window,
    lost: lost ?? Number.NaN,
    maxLeftSendingPerKill: maxLeft ?? Number.NaN,
    duplicates: duplicates ?? 0,
    duplicatedMessages: duplicatedMessages ?? 0,
    flagged: flagged ?? 0,
    seconds,
  };
}
