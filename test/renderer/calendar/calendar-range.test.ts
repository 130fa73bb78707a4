import { describe, expect, it } from 'vitest';
import { stepAnchor, visibleDays } from '../../../src-renderer/screens/calendar/calendar-range';

const date = (year: number, month: number, day: number) => ({ year, month, day });

describe('what each view shows and how it steps', () => {
  it('shows a day, a Monday-to-Sunday week, or the whole weeks of a month', () => {
    expect(visibleDays('day', date(2026, 11, 24))).toEqual({ first: date(2026, 11, 24), count: 1 });
    expect(visibleDays('week', date(2026, 11, 29))).toEqual({ first: date(2026, 11, 23), count: 7 });
    // November 2026 starts on a Sunday and ends on a Monday: six weeks.
    expect(visibleDays('month', date(2026, 11, 15))).toEqual({ first: date(2026, 10, 26), count: 42 });
    // February 2027 runs Monday 1st to Sunday 28th: exactly four weeks.
    expect(visibleDays('month', date(2027, 2, 10))).toEqual({ first: date(2027, 2, 1), count: 28 });
  });

  it('steps a day, a week or a month, keeping the day of the month where it can', () => {
    expect(stepAnchor('day', date(2026, 12, 31), 1)).toEqual(date(2027, 1, 1));
    expect(stepAnchor('agenda', date(2026, 11, 24), -1)).toEqual(date(2026, 11, 17));
    expect(stepAnchor('month', date(2026, 1, 31), 1)).toEqual(date(2026, 2, 28));
  });
});
