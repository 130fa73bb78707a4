import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/contract/errors';
import { expandRecurrence } from '../../../src-main/domain/calendar/recurrence';
import { utcToZoned, zonedToUtc } from '../../../src-main/domain/time-zone';

const ROME = 'Europe/Rome';
const rome = (year: number, month: number, day: number, hour: number, minute = 0) =>
  zonedToUtc({ year, month, day, hour, minute }, ROME);
const wall = (instant: number) => {
  const local = utcToZoned(instant, ROME);
  return `${String(local.year)}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')} ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
};

describe('recurrence expansion in the office time zone', () => {
  it('keeps a weekly 09:00 at 09:00 across the end of March (Rome goes to UTC+2)', () => {
    const starts = expandRecurrence(rome(2026, 3, 19, 9), { frequency: 'weekly', interval: 1, count: 3 }, ROME);
    expect(starts.map(wall)).toEqual(['2026-03-19 09:00', '2026-03-26 09:00', '2026-04-02 09:00']);
    // The UTC instants are 7 days minus one hour apart across the change.
    expect(starts).toEqual([Date.UTC(2026, 2, 19, 8), Date.UTC(2026, 2, 26, 8), Date.UTC(2026, 3, 2, 7)]);
  });

  it('keeps a weekly 09:00 at 09:00 across the end of October (back to UTC+1)', () => {
    const starts = expandRecurrence(rome(2026, 10, 20, 9), { frequency: 'weekly', interval: 1, count: 2 }, ROME);
    expect(starts.map(wall)).toEqual(['2026-10-20 09:00', '2026-10-27 09:00']);
    expect(starts[1]! - starts[0]!).toBe(7 * 24 * 3600_000 + 3600_000);
  });

  it('lands on the DST Sunday itself at the right wall time', () => {
    const starts = expandRecurrence(rome(2026, 3, 22, 10, 30), { frequency: 'weekly', interval: 1, count: 2 }, ROME);
    expect(starts.map(wall)).toEqual(['2026-03-22 10:30', '2026-03-29 10:30']);
  });

  it('repeats every N weeks until a date, that date included', () => {
    const starts = expandRecurrence(rome(2026, 11, 2, 15), { frequency: 'weekly', interval: 2, until: '2026-12-14' }, ROME);
    expect(starts.map(wall)).toEqual(['2026-11-02 15:00', '2026-11-16 15:00', '2026-11-30 15:00', '2026-12-14 15:00']);
  });

  it('repeats monthly on the same day, on the last day of shorter months', () => {
    const starts = expandRecurrence(rome(2026, 1, 31, 11), { frequency: 'monthly', interval: 1, count: 4 }, ROME);
    expect(starts.map(wall)).toEqual(['2026-01-31 11:00', '2026-02-28 11:00', '2026-03-31 11:00', '2026-04-30 11:00']);
  });

  it('repeats every 3 months across a year end', () => {
    const starts = expandRecurrence(rome(2026, 11, 10, 8, 45), { frequency: 'monthly', interval: 3, count: 3 }, ROME);
    expect(starts.map(wall)).toEqual(['2026-11-10 08:45', '2027-02-10 08:45', '2027-05-10 08:45']);
  });

  it('refuses an end date before the first appointment and a series too long', () => {
    const first = rome(2026, 11, 10, 9);
    expect(() => expandRecurrence(first, { frequency: 'weekly', interval: 1, until: '2026-11-09' }, ROME)).toThrow(ApiError);
    try {
      expandRecurrence(first, { frequency: 'weekly', interval: 1, until: '2030-01-01' }, ROME);
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'VALIDATION', field: 'recurrence.until' });
    }
  });

  it('gives the same wall times whatever zone the computer is in (the office zone decides)', () => {
    const starts = expandRecurrence(
      zonedToUtc({ year: 2026, month: 3, day: 1, hour: 9, minute: 0 }, 'America/New_York'),
      { frequency: 'weekly', interval: 1, count: 3 },
      'America/New_York',
    );
    // New York changes on 8 March, three weeks before Rome.
    expect(starts.map((s) => utcToZoned(s, 'America/New_York').hour)).toEqual([9, 9, 9]);
    expect(starts[1]! - starts[0]!).toBe(7 * 24 * 3600_000 - 3600_000);
  });
});
