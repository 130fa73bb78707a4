import { describe, expect, it } from 'vitest';
import type { ReminderSettings } from '../../../src-main/contract/reminders-schemas';
import { LATE_GRACE_MS, reminderTiming } from '../../../src-main/domain/reminders/reminder-timing';

const ROME = 'Europe/Rome';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Quiet 20:00–08:00, at least an hour's lead. */
const settings: ReminderSettings = {
  quietFrom: '20:00',
  quietTo: '08:00',
  quietSundays: false,
  minLeadMinutes: 60,
  autoAcknowledge: false,
};

const timing = (start: number, offsetMinutes: number, now: number, overrides: Partial<ReminderSettings> = {}) =>
  reminderTiming({ start, offsetMinutes, now, settings: { ...settings, ...overrides }, timeZone: ROME });

// November 2026: Rome is UTC+1. Monday 23 … Thursday 26, Saturday 28, Sunday 29, Monday 30 November.
/** Monday 23 November 12:00 Rome: well before everything below. */
const EARLY = Date.UTC(2026, 10, 23, 11);

describe('when a reminder is due', () => {
  it('is the start minus the offset when that is outside quiet hours', () => {
    // Thursday 26 November 10:00 Rome; two days before is Tuesday 10:00, two hours before Thursday 08:00.
    const start = Date.UTC(2026, 10, 26, 9);
    expect(timing(start, 2 * 24 * 60, EARLY)).toEqual({ kind: 'due', at: Date.UTC(2026, 10, 24, 9) });
    expect(timing(start, 120, EARLY)).toEqual({ kind: 'due', at: Date.UTC(2026, 10, 26, 7) });
  });

  it('goes exactly the minimum lead before the start when the offset equals it', () => {
    // Tuesday 24 November 15:00 Rome, a 60-minute reminder with a 60-minute minimum: 14:00 Rome.
    expect(timing(Date.UTC(2026, 10, 24, 14), 60, EARLY)).toEqual({ kind: 'due', at: Date.UTC(2026, 10, 24, 13) });
  });

  it('is skipped when the offset is shorter than the minimum lead time', () => {
    // Tuesday 24 November 15:00 Rome, 30 minutes before (14:30, not quiet) with a 60-minute minimum.
    expect(timing(Date.UTC(2026, 10, 24, 14), 30, EARLY)).toEqual({
      kind: 'skip',
      reason: 'it would arrive less than the minimum lead time before the appointment',
    });
  });

  it('accepts any offset when the minimum lead is zero', () => {
    // Tuesday 24 November 15:00 Rome, 5 minutes before: 14:55 Rome.
    expect(timing(Date.UTC(2026, 10, 24, 14), 5, EARLY, { minLeadMinutes: 0 })).toEqual({
      kind: 'due',
      at: Date.UTC(2026, 10, 24, 13, 55),
    });
  });
});

describe('a reminder that falls in quiet hours', () => {
  // Thursday 26 November 09:00 Rome; two hours before is 07:00 Rome, inside the night.
  const start = Date.UTC(2026, 10, 26, 8);
  /** Wednesday 25 November 19:59 Rome: the last minute before the night starts. */
  const lastAllowed = Date.UTC(2026, 10, 25, 18, 59);

  it('moves back to the last allowed minute before quiet hours (19:59 the evening before) while that is ahead', () => {
    expect(timing(start, 120, EARLY)).toEqual({ kind: 'due', at: lastAllowed });
  });

  it('still takes 19:59 when it is planned at exactly 19:59', () => {
    expect(timing(start, 120, lastAllowed)).toEqual({ kind: 'due', at: lastAllowed });
  });

  it('moves forward to the end of quiet hours once 19:59 has passed, if that leaves the minimum lead', () => {
    // Planned at Wednesday 21:00 Rome: due Thursday 08:00 Rome, exactly an hour before the start.
    expect(timing(start, 120, Date.UTC(2026, 10, 25, 20))).toEqual({ kind: 'due', at: Date.UTC(2026, 10, 26, 7) });
  });

  it('is skipped when the end of quiet hours leaves less than the minimum lead', () => {
    // Thursday 26 November 08:30 Rome; 06:30 is quiet, 08:00 is only 30 minutes ahead. Planned Wednesday 21:00.
    expect(timing(Date.UTC(2026, 10, 26, 7, 30), 120, Date.UTC(2026, 10, 25, 20))).toEqual({
      kind: 'skip',
      reason: 'quiet hours leave no time to send it before the appointment',
    });
  });

  it('moves a Sunday reminder to Saturday 19:59 when Sundays are quiet, or to Monday 08:00 once that has passed', () => {
    // Monday 30 November 10:00 Rome, one day before: Sunday 10:00 Rome.
    const monday = Date.UTC(2026, 10, 30, 9);
    expect(timing(monday, 24 * 60, EARLY, { quietSundays: true })).toEqual({ kind: 'due', at: Date.UTC(2026, 10, 28, 18, 59) });
    // Planned on Saturday 21:00 Rome.
    expect(timing(monday, 24 * 60, Date.UTC(2026, 10, 28, 20), { quietSundays: true })).toEqual({
      kind: 'due',
      at: Date.UTC(2026, 10, 30, 7),
    });
    // With Sundays open, Sunday 10:00 stands.
    expect(timing(monday, 24 * 60, EARLY)).toEqual({ kind: 'due', at: Date.UTC(2026, 10, 29, 9) });
  });
});

describe('a reminder planned after its time', () => {
  // Thursday 26 November 10:00 Rome; two hours before is 08:00 Rome.
  const start = Date.UTC(2026, 10, 26, 9);
  const due = Date.UTC(2026, 10, 26, 7);

  it('goes now when its time passed less than the grace period ago', () => {
    expect(timing(start, 120, due + 20 * MINUTE)).toEqual({ kind: 'due', at: due + 20 * MINUTE });
  });

  it('still goes now exactly at the end of the grace period', () => {
    expect(LATE_GRACE_MS).toBe(30 * MINUTE);
    expect(timing(start, 120, due + LATE_GRACE_MS)).toEqual({ kind: 'due', at: due + LATE_GRACE_MS });
  });

  it('is skipped once the grace period is over', () => {
    expect(timing(start, 120, due + LATE_GRACE_MS + 1)).toEqual({
      kind: 'skip',
      reason: 'its time had already passed when it was planned',
    });
  });

  it('waits for the end of quiet hours when "now" is quiet', () => {
    // Thursday 26 November 09:00 Rome, 790 minutes before: Wednesday 19:50 Rome. Planned at 20:05, 15 minutes late.
    const nineOClock = Date.UTC(2026, 10, 26, 8);
    expect(timing(nineOClock, 790, Date.UTC(2026, 10, 25, 19, 5))).toEqual({ kind: 'due', at: Date.UTC(2026, 10, 26, 7) });
  });
});

describe('reminders across a change of the clocks (Europe/Rome, 2026)', () => {
  /** Wednesday 25 March 12:00 CET. */
  const march = Date.UTC(2026, 2, 25, 11);

  it('counts "2 days before" on the wall clock across spring-forward: Saturday 09:00 for Monday 09:00', () => {
    // Monday 30 March 09:00 CEST (UTC+2) is 07:00 UTC; Saturday 28 March 09:00 CET (UTC+1) is 08:00 UTC:
    // 47 hours of real time, since the night of 28–29 March is an hour short.
    expect(timing(Date.UTC(2026, 2, 30, 7), 2 * 24 * 60, march)).toEqual({ kind: 'due', at: Date.UTC(2026, 2, 28, 8) });
  });

  it('keeps an 08:30 appointment\'s reminder at Saturday 08:30, outside the quiet night, across spring-forward', () => {
    // Monday 30 March 08:30 CEST = 06:30 UTC; Saturday 28 March 08:30 CET = 07:30 UTC, after quiet hours end.
    expect(timing(Date.UTC(2026, 2, 30, 6, 30), 2 * 24 * 60, march)).toEqual({ kind: 'due', at: Date.UTC(2026, 2, 28, 7, 30) });
  });

  it('counts "2 days before" on the wall clock across fall-back: Saturday 09:00, 49 hours ahead', () => {
    // Monday 26 October 09:00 CET (UTC+1) = 08:00 UTC; Saturday 24 October 09:00 CEST (UTC+2) = 07:00 UTC.
    const start = Date.UTC(2026, 9, 26, 8);
    const result = timing(start, 2 * 24 * 60, Date.UTC(2026, 9, 20, 10));
    expect(result).toEqual({ kind: 'due', at: Date.UTC(2026, 9, 24, 7) });
    expect(start - Date.UTC(2026, 9, 24, 7)).toBe(49 * HOUR);
  });

  it('counts the hours of an offset as real time: "1 day and 2 hours before" Monday 09:00 is Saturday 07:00 wall-clock less an hour', () => {
    // 26 hours = one wall-clock day (Sunday 29 March 09:00 CEST = 07:00 UTC) then two real hours (05:00 UTC = 07:00 CEST),
    // inside quiet hours: it goes at Saturday 19:59 CET = 18:59 UTC.
    expect(timing(Date.UTC(2026, 2, 30, 7), 26 * 60, march)).toEqual({ kind: 'due', at: Date.UTC(2026, 2, 28, 18, 59) });
  });
});
