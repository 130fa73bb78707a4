import { describe, expect, it } from 'vitest';
import type { AppointmentRow } from '../../../src-main/db/repositories/appointments-repository';
import { planRowsUpdate } from '../../../src-main/domain/calendar/series-update-plan';
import { utcToZoned, zonedToUtc } from '../../../src-main/domain/time-zone';

const ROME = 'Europe/Rome';
const rome = (month: number, day: number, hour: number, minute = 0) => zonedToUtc({ year: 2026, month, day, hour, minute }, ROME);
const hhmm = (instant: number) => {
  const local = utcToZoned(instant, ROME);
  return `${String(local.day)}/${String(local.month)} ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
};

function row(id: number, start: number): AppointmentRow {
  return { id, clientId: 1, staffId: 1, roomId: 1, start, end: start + 30 * 60_000, status: 'booked', seriesId: 's1', notes: '' };
}

/** Weekly at 09:00 across the end of March. */
const series = [row(1, rome(3, 19, 9)), row(2, rome(3, 26, 9)), row(3, rome(4, 2, 9))];

describe('planning an update of one appointment or this and following', () => {
  it('moves the whole rest of a series by the same wall-clock shift across DST', () => {
    const rows = planRowsUpdate(series[0]!, series, { start: rome(3, 19, 10, 30) }, ROME);
    expect(rows.map((r) => hhmm(r.start))).toEqual(['19/3 10:30', '26/3 10:30', '2/4 10:30']);
    expect(rows.map((r) => r.end - r.start)).toEqual([30, 30, 30].map((m) => m * 60_000));
  });

  it('moves to another day and sets a new length on every row', () => {
    const rows = planRowsUpdate(series[1]!, series.slice(1), { start: rome(3, 27, 9), end: rome(3, 27, 10) }, ROME);
    expect(rows.map((r) => hhmm(r.start))).toEqual(['27/3 09:00', '3/4 09:00']);
    expect(rows.map((r) => (r.end - r.start) / 60_000)).toEqual([60, 60]);
  });

  it('changes the length alone (a resize) and keeps the start', () => {
    const [only] = planRowsUpdate(series[0]!, [series[0]!], { end: rome(3, 19, 9, 45) }, ROME);
    expect(only).toMatchObject({ start: rome(3, 19, 9), end: rome(3, 19, 9, 45) });
  });

  it('sets a staff member or room to none, and leaves other fields alone', () => {
    const [only] = planRowsUpdate(series[0]!, [series[0]!], { roomId: null, status: 'confirmed' }, ROME);
    expect(only).toMatchObject({ roomId: null, staffId: 1, status: 'confirmed', start: series[0]!.start });
  });

  it('refuses an end before the start', () => {
    expect(() => planRowsUpdate(series[0]!, [series[0]!], { end: rome(3, 19, 8) }, ROME)).toThrow(/changes.end/);
  });
});
