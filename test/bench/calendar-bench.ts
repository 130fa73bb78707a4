/**
 * The calendar's figures for `npm run bench` over 1,000,000 appointments: the
 * week-view query (DESIGN.md section 6: p95 ≤ 10 ms) and the reminder planning
 * pass for the next 48 hours (≤ 50 ms).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../src-main/app/create-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { silentLogger } from '../../src-main/app/logger';
import { seededRandom } from '../../src-main/app/random';
import type { Database } from '../../src-main/db/database';
import { migrations } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open-database';

const APPOINTMENTS = 1_000_000;
const CLIENTS = 10_000;
const ROOMS = 10;
/** A busy week: 5 days × 10 rooms × 20 half-hour slots, the load the UI's week view is timed with. */
const PER_WEEK = 1_000;
const PER_DAY = PER_WEEK / 5;
const SLOTS_PER_DAY = PER_DAY / ROOMS;
const HOUR = 3600_000;
const WEEK = 7 * 24 * HOUR;
/** Monday 4 January 2010, 00:00 UTC: 1,000 weeks of appointments run from here into 2029. */
const FIRST_MONDAY = Date.UTC(2010, 0, 4);
const SAMPLES = 200;

/**
 * Seeds in one transaction with INSERT … SELECT over a recursive counter, so SQLite
 * makes the million rows itself instead of a million statements crossing from Node.
 */
async function seed(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO clients (id, first_name, last_name, mobile, created_at, updated_at)
       SELECT i, 'Nome' || i, 'Cognome' || (i % 997), '+39333' || printf('%07d', i), 0, 0 FROM n`,
      [CLIENTS],
    );
    await tx.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO staff (id, display_name, sort_order, created_at, updated_at) SELECT i, 'Staff ' || i, i, 0, 0 FROM n`,
      [ROOMS],
    );
    await tx.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO rooms (id, name, sort_order, created_at, updated_at) SELECT i, 'Room ' || i, i, 0, 0 FROM n`,
      [ROOMS],
    );
    // Row i: week i / 1000, weekday (i % 1000) / 200, room, then a half-hour slot from 08:00 UTC.
    await tx.run(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1),
       slot(i, start_at, room) AS (
         SELECT i,
                ?2 + (i / ?3) * ?4 + ((i % ?3) / ?5) * 86400000 + 8 * 3600000 + (i % ?6) * 1800000,
                1 + ((i % ?5) / ?6)
           FROM n)
       INSERT INTO appointments (client_id, staff_id, room_id, start_at, end_at, status, notes, created_at, updated_at)
       SELECT 1 + (i * 7919) % ?7, room, room, start_at, start_at + 1800000,
              CASE i % 20 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'no_show' WHEN 2 THEN 'confirmed' ELSE 'booked' END,
              '', 0, 0
         FROM slot`,
      [APPOINTMENTS, FIRST_MONDAY, PER_WEEK, WEEK, PER_DAY, SLOTS_PER_DAY, CLIENTS],
    );
  });
}

/**
 * The planner's pass at a fixed moment in the seeded years (a Tuesday midnight):
 * the first pass plans two rules' reminders for every appointment in the next
 * 48 hours; a steady pass finds nothing new to plan. The first pass is repeated
 * on an emptied outbox.
 */
async function benchPlanningPass(dataDir: string): Promise<CalendarFigures['planning']> {
  const now = FIRST_MONDAY + 500 * WEEK + 24 * HOUR;
  const core = await createCore({ dataDir, log: silentLogger, systemTimeZone: 'Europe/Rome', clock: { now: () => now }, startSms: false, dispatch: false });
  try {
    for (const [name, offsetMinutes] of [['2 giorni prima', 2880], ['2 ore prima', 120]] as const) {
      await core.api['reminders.rules.create']({ name, offsetMinutes, templateIt: 'Gentile {first_name}, a {weekday} {date} alle {time}.', templateEn: 'Dear {first_name}, see you {weekday} {date} at {time}.', active: true, staffIds: null, roomIds: null });
    }
    const first: number[] = [];
    let planned = 0;
    for (let i = 0; i < 6; i++) {
      await core.reminders.planner.planHorizon(); // warm, then emptied below
      const { db } = await openDatabase({ path: databasePathIn(dataDir), migrations, backupsDir: join(dataDir, 'b'), now: Date.now });
      await db.run('DELETE FROM messages');
      await db.close();
      const start = performance.now();
      planned = await core.reminders.planner.planHorizon();
      first.push(performance.now() - start);
    }
    const steady: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      const again = await core.reminders.planner.planHorizon();
      steady.push(performance.now() - start);
      if (again !== 0) throw new Error(`a second pass planned ${again} more reminders: planning is not idempotent`);
    }
    if (planned === 0) throw new Error('the planning pass planned nothing');
    first.sort((a, b) => a - b);
    steady.sort((a, b) => a - b);
    return {
      planned,
      firstPassMedian: percentile(first, 50),
      firstPassP95: percentile(first, 95),
      firstPassRuns: first.length,
      steadyMedian: percentile(steady, 50),
      steadyP95: percentile(steady, 95),
      steadyRuns: steady.length,
    };
  } finally {
    await core.dispose();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export interface CalendarFigures {
  appointments: number;
  week: { p50: number; p95: number; samples: number };
  planning: {
    planned: number;
    firstPassMedian: number;
    firstPassP95: number;
    firstPassRuns: number;
    steadyMedian: number;
    steadyP95: number;
    steadyRuns: number;
  };
}

/**
 * Seeds a fresh office with 1,000,000 appointments, then times `appointments.list`
 * for random weeks and the reminder planner's pass over the next 48 hours.
 */
export async function benchCalendar(): Promise<CalendarFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'promemoria-calendar-bench-'));
  try {
    const dataDir = join(dir, 'office');
    const core = await createCore({ dataDir, log: silentLogger, systemTimeZone: 'Europe/Rome' });
    try {
      // Seeded over a second connection, so the timings measure the core's own path.
      const { db } = await openDatabase({ path: databasePathIn(dataDir), migrations, backupsDir: join(dir, 'b'), now: Date.now });
      try {
        await seed(db);
        await db.exec('ANALYZE');
      } finally {
        await db.close();
      }
      const weeks = APPOINTMENTS / PER_WEEK;
      const random = seededRandom(3);
      const week = () => {
        const from = FIRST_MONDAY + Math.floor(random.next() * weeks) * WEEK;
        return { from, to: from + WEEK };
      };
      for (let i = 0; i < 20; i++) await core.api['appointments.list'](week());
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const range = week();
        const start = performance.now();
        const { items } = await core.api['appointments.list'](range);
        samples.push(performance.now() - start);
        if (items.length !== PER_WEEK) throw new Error(`expected ${PER_WEEK} appointments in a week, got ${items.length}`);
      }
      samples.sort((a, b) => a - b);
      const planning = await benchPlanningPass(dataDir);
      return { appointments: APPOINTMENTS, week: { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length }, planning };
    } finally {
      await core.dispose();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
