import { describe, expect, it } from 'vitest';
import { quietPeriodAt } from '../../../src-main/domain/reminders/quiet-hours';

const ROME = 'Europe/Rome';
const HOUR = 3600_000;
const night = { quietFrom: '20:00', quietTo: '08:00', quietSundays: false };
const nightAndSundays = { ...night, quietSundays: true };
const lunch = { quietFrom: '12:00', quietTo: '14:00', quietSundays: false };

// November 2026: Rome is UTC+1. Tuesday 24 November; Sunday 29 November.
/** Tuesday 24 November 20:00 Rome → Wednesday 25 November 08:00 Rome. */
const tuesdayNight = { start: Date.UTC(2026, 10, 24, 19), end: Date.UTC(2026, 10, 25, 7) };

describe('quiet hours across midnight (20:00–08:00, Europe/Rome)', () => {
  it('finds the night an evening instant falls in', () => {
    // Tuesday 24 November 22:00 Rome.
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 21), night, ROME)).toEqual(tuesdayNight);
  });

  it('finds the same night from the early morning after it', () => {
    // Wednesday 25 November 03:00 and 07:30 Rome.
    expect(quietPeriodAt(Date.UTC(2026, 10, 25, 2), night, ROME)).toEqual(tuesdayNight);
    expect(quietPeriodAt(Date.UTC(2026, 10, 25, 6, 30), night, ROME)).toEqual(tuesdayNight);
  });

  it('finds nothing during the day', () => {
    // Tuesday 24 November 08:30, 12:00 and 19:30 Rome.
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 7, 30), night, ROME)).toBeUndefined();
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 11), night, ROME)).toBeUndefined();
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 18, 30), night, ROME)).toBeUndefined();
  });

  it('counts 20:00 as quiet and the millisecond before it as not', () => {
    expect(quietPeriodAt(tuesdayNight.start, night, ROME)).toEqual(tuesdayNight);
    expect(quietPeriodAt(tuesdayNight.start - 1, night, ROME)).toBeUndefined();
  });

  it('counts 08:00 as allowed and the millisecond before it as quiet', () => {
    expect(quietPeriodAt(tuesdayNight.end, night, ROME)).toBeUndefined();
    expect(quietPeriodAt(tuesdayNight.end - 1, night, ROME)).toEqual(tuesdayNight);
  });

  it('reads the clock of the zone it is given, not UTC', () => {
    // 21:00 UTC is 22:00 in Rome (quiet) but 16:00 in New York (allowed).
    const instant = Date.UTC(2026, 10, 24, 21);
    expect(quietPeriodAt(instant, night, ROME)).toBeDefined();
    expect(quietPeriodAt(instant, night, 'America/New_York')).toBeUndefined();
  });

  it('ends at midnight when quietTo is 00:00, and at the next midnight when it is 24:00', () => {
    // 20:00–00:00: Tuesday 24 November 20:00 Rome → Wednesday 00:00 Rome.
    const evening = { start: Date.UTC(2026, 10, 24, 19), end: Date.UTC(2026, 10, 24, 23) };
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 22), { ...night, quietTo: '00:00' }, ROME)).toEqual(evening);
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 22), { ...night, quietTo: '24:00' }, ROME)).toEqual(evening);
    // Wednesday 00:30 Rome is allowed again.
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 23, 30), { ...night, quietTo: '00:00' }, ROME)).toBeUndefined();
  });
});

describe('quiet hours within one day (12:00–14:00)', () => {
  it('is quiet from 12:00 up to but not including 14:00, the same day', () => {
    // Tuesday 24 November 12:00 → 14:00 Rome.
    const period = { start: Date.UTC(2026, 10, 24, 11), end: Date.UTC(2026, 10, 24, 13) };
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 11), lunch, ROME)).toEqual(period);
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 12), lunch, ROME)).toEqual(period);
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 13), lunch, ROME)).toBeUndefined();
  });

  it('leaves the night and the morning open', () => {
    // Tuesday 24 November 23:00 and 03:00 and 11:59 Rome.
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 22), lunch, ROME)).toBeUndefined();
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 2), lunch, ROME)).toBeUndefined();
    expect(quietPeriodAt(Date.UTC(2026, 10, 24, 10, 59), lunch, ROME)).toBeUndefined();
  });
});

describe('quiet Sundays', () => {
  /** Saturday 28 November 20:00 Rome → Monday 30 November 08:00 Rome: one stretch. */
  const weekend = { start: Date.UTC(2026, 10, 28, 19), end: Date.UTC(2026, 10, 30, 7) };

  it('merges Saturday night, Sunday and Sunday night into one period ending Monday 08:00', () => {
    // Saturday 21:00, Sunday 03:00, Sunday 13:00, Sunday 23:00 and Monday 07:00 Rome.
    for (const instant of [
      Date.UTC(2026, 10, 28, 20),
      Date.UTC(2026, 10, 29, 2),
      Date.UTC(2026, 10, 29, 12),
      Date.UTC(2026, 10, 29, 22),
      Date.UTC(2026, 10, 30, 6),
    ]) {
      expect(quietPeriodAt(instant, nightAndSundays, ROME)).toEqual(weekend);
    }
  });

  it('leaves Saturday daytime and Monday from 08:00 open', () => {
    // Saturday 28 November 12:00 and 19:59 Rome; Monday 30 November 08:00 Rome.
    expect(quietPeriodAt(Date.UTC(2026, 10, 28, 11), nightAndSundays, ROME)).toBeUndefined();
    expect(quietPeriodAt(Date.UTC(2026, 10, 28, 18, 59), nightAndSundays, ROME)).toBeUndefined();
    expect(quietPeriodAt(weekend.end, nightAndSundays, ROME)).toBeUndefined();
  });

  it('leaves Sunday daytime open when the setting is off', () => {
    // Sunday 29 November 13:00 Rome.
    expect(quietPeriodAt(Date.UTC(2026, 10, 29, 12), night, ROME)).toBeUndefined();
    // Sunday 29 November 03:00 Rome: only Saturday night.
    expect(quietPeriodAt(Date.UTC(2026, 10, 29, 2), night, ROME)).toEqual({
      start: Date.UTC(2026, 10, 28, 19),
      end: Date.UTC(2026, 10, 29, 7),
    });
  });

  it('makes Sunday midnight to midnight quiet with a daytime window, without merging periods that do not touch', () => {
    // Quiet 12:00–14:00 plus Sundays: Sunday 29 November 00:00 → Monday 30 November 00:00 Rome.
    const sunday = { start: Date.UTC(2026, 10, 28, 23), end: Date.UTC(2026, 10, 29, 23) };
    const lunchAndSundays = { ...lunch, quietSundays: true };
    expect(quietPeriodAt(Date.UTC(2026, 10, 29, 12), lunchAndSundays, ROME)).toEqual(sunday);
    expect(quietPeriodAt(sunday.start, lunchAndSundays, ROME)).toEqual(sunday);
    // Saturday 23:59 and Monday 00:00 Rome are allowed.
    expect(quietPeriodAt(sunday.start - 60_000, lunchAndSundays, ROME)).toBeUndefined();
    expect(quietPeriodAt(sunday.end, lunchAndSundays, ROME)).toBeUndefined();
  });
});

describe('quiet hours on the nights the clocks change (Europe/Rome, 2026)', () => {
  it('lasts 11 hours of real time on the spring-forward night (28–29 March)', () => {
    // Saturday 28 March 20:00 CET (UTC+1) → Sunday 29 March 08:00 CEST (UTC+2).
    const period = { start: Date.UTC(2026, 2, 28, 19), end: Date.UTC(2026, 2, 29, 6) };
    // Saturday 23:00 CET, and Sunday 07:30 CEST after the change.
    expect(quietPeriodAt(Date.UTC(2026, 2, 28, 22), night, ROME)).toEqual(period);
    expect(quietPeriodAt(Date.UTC(2026, 2, 29, 5, 30), night, ROME)).toEqual(period);
    expect(period.end - period.start).toBe(11 * HOUR);
    // Sunday 08:00 CEST is allowed.
    expect(quietPeriodAt(period.end, night, ROME)).toBeUndefined();
  });

  it('lasts 13 hours of real time on the fall-back night (24–25 October)', () => {
    // Saturday 24 October 20:00 CEST (UTC+2) → Sunday 25 October 08:00 CET (UTC+1).
    const period = { start: Date.UTC(2026, 9, 24, 18), end: Date.UTC(2026, 9, 25, 7) };
    // 02:30 happens twice that night (00:30 and 01:30 UTC): quiet both times.
    expect(quietPeriodAt(Date.UTC(2026, 9, 25, 0, 30), night, ROME)).toEqual(period);
    expect(quietPeriodAt(Date.UTC(2026, 9, 25, 1, 30), night, ROME)).toEqual(period);
    expect(period.end - period.start).toBe(13 * HOUR);
    // Sunday 07:59 CET is still quiet; 08:00 CET is not.
    expect(quietPeriodAt(period.end - 60_000, night, ROME)).toEqual(period);
    expect(quietPeriodAt(period.end, night, ROME)).toBeUndefined();
  });

  it('runs a quiet Sunday weekend across spring-forward for 35 hours of real time', () => {
    // Saturday 28 March 20:00 CET → Monday 30 March 08:00 CEST.
    const weekend = { start: Date.UTC(2026, 2, 28, 19), end: Date.UTC(2026, 2, 30, 6) };
    // Sunday 29 March 12:00 CEST.
    expect(quietPeriodAt(Date.UTC(2026, 2, 29, 10), nightAndSundays, ROME)).toEqual(weekend);
    expect(weekend.end - weekend.start).toBe(35 * HOUR);
  });
});
