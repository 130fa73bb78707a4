import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { invokeMethod } from '../../src-main/app/invoke';
import type { Logger } from '../../src-main/app/logger';
import { seededRandom } from '../../src-main/app/random';
import type { MessageRow } from '../../src-main/contract/messages-schemas';
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/contract/methods';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { zonedToUtc } from '../../src-main/domain/time-zone';
import { FakeTime, settle } from './fake-time';
import { tempDir } from './temp-dir';

export const ROME = 'Europe/Rome';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** An instant given as Rome's wall clock in 2026. */
export const rome = (month: number, day: number, hour: number, minute = 0) => zonedToUtc({ year: 2026, month, day, hour, minute }, ROME);

export type CallResult<M extends MethodName> = { ok: true; value: MethodOutput<M> } | { ok: false; error: { code: string; message: string; field?: string } };

/** A logger that keeps what went wrong, so a test can say "and nothing failed in the background". */
export function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    info() {},
    warn() {},
    error(message, err) {
      errors.push(`${message}: ${err instanceof Error ? err.message : String(err ?? '')}`);
    },
  };
}

/**
 * A real core on a fresh database file, on fake time (clock and timers move
 * together), Rome pinned as the office's zone, the built-in simulator as the
 * channel (it waits with real timers: ~150 ms to submit, ~2 s to report delivery).
 */
export async function engineOffice(start: number) {
  const time = new FakeTime(start);
  const log = recordingLogger();
  const core = await createCore({
    dataDir: join(await tempDir(), 'data'),
    log,
    systemTimeZone: ROME,
    clock: time,
    timers: time,
    random: seededRandom(7),
  });
  onTestFinished(() => core.dispose());
  const sql = await SqliteConnection.open(databasePathIn(core.dataDir), 'readwrite-create');
  sql.setBusyTimeout(5000);
  onTestFinished(() => sql.close());

  /** Through the bridge's own path: input validation and defaults, handler, output check. */
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) =>
    invokeMethod(core.api, method, input, log) as Promise<CallResult<M>>;
  const ok = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  /** Every message, oldest first. */
  const messages = async (): Promise<MessageRow[]> => (await ok('messages.list', { limit: 500 })).items.sort((a, b) => a.id - b.id);
  /** Waits for the re-planning that an event started (it queues behind the planner's lock). */
  const planned = async () => {
    await settle(4);
    // Every re-plan an event started (a client changed, a rule saved) has finished.
    await core.reminders.planner.idle();
  };
  const client = (lastName: string, firstName: string, mobile: string | null, language: 'it' | 'en' = 'it') =>
    ok('clients.create', { lastName, firstName, mobile, language });
  const appointment = (clientId: number, start: number, minutes = 30) =>
    ok('appointments.create', { clientId, staffId: null, roomId: null, start, end: start + minutes * MINUTE });

  return { core, time, log, sql, call, ok, messages, planned, client, appointment };
}

export type EngineOffice = Awaited<ReturnType<typeof engineOffice>>;

/** Italian and English templates that show every fact planning fills in. */
export const TEMPLATES = {
  templateIt: 'Gentile {first_name}, appuntamento {weekday} {date} alle {time}. {office_name}',
  templateEn: 'Dear {first_name}, appointment on {weekday} {date} at {time}. {office_name}',
};
