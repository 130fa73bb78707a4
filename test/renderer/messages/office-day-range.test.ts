import { describe, expect, it } from 'vitest';
import { officeDaysRange, periodRange } from '../../../src-renderer/screens/messages/office-day-range';

const ROME = 'Europe/Rome';
const date = (year: number, month: number, day: number) => ({ year, month, day });

describe('office days as instants (the outbox’s date filter)', () => {
  it('runs from the office’s midnight to the next, whatever zone this process is in', () => {
    expect(officeDaysRange(date(2026, 11, 24), date(2026, 11, 24), ROME)).toEqual({
      from: Date.UTC(2026, 10, 23, 23),
      to: Date.UTC(2026, 10, 24, 23),
    });
    expect(officeDaysRange(date(2026, 11, 24), date(2026, 11, 24), 'Asia/Tokyo')).toEqual({
      from: Date.UTC(2026, 10, 23, 15),
      to: Date.UTC(2026, 10, 24, 15),
    });
  });

  it('counts a DST day as 23 or 25 hours long', () => {
    const spring = officeDaysRange(date(2026, 3, 29), date(2026, 3, 29), ROME);
    expect(spring.to - spring.from).toBe(23 * 3600_000);
    const autumn = officeDaysRange(date(2026, 10, 25), date(2026, 10, 25), ROME);
    expect(autumn.to - autumn.from).toBe(25 * 3600_000);
  });

  it('takes the days in either order, across a month end', () => {
    expect(officeDaysRange(date(2026, 12, 2), date(2026, 11, 30), ROME)).toEqual({
      from: Date.UTC(2026, 10, 29, 23),
      to: Date.UTC(2026, 11, 2, 23),
    });
  });

  it('turns each period into a range from the office’s today', () => {
    const today = date(2026, 11, 24);
    expect(periodRange('all', today, ROME)).toEqual({});
    expect(periodRange('today', today, ROME)).toEqual({ from: Date.UTC(2026, 10, 23, 23), to: Date.UTC(2026, 10, 24, 23) });
    expect(periodRange('tomorrow', today, ROME)).toEqual({ from: Date.UTC(2026, 10, 24, 23), to: Date.UTC(2026, 10, 25, 23) });
    expect(periodRange('yesterday', today, ROME)).toEqual({ from: Date.UTC(2026, 10, 22, 23), to: Date.UTC(2026, 10, 23, 23) });
    expect(periodRange('next7', today, ROME)).toEqual({ from: Date.UTC(2026, 10, 23, 23), to: Date.UTC(2026, 10, 30, 23) });
    expect(periodRange('last7', today, ROME)).toEqual({ from: Date.UTC(2026, 10, 17, 23), to: Date.UTC(2026, 10, 24, 23) });
    expect(periodRange('last30', today, ROME)).toEqual({ from: Date.UTC(2026, 9, 25, 23), to: Date.UTC(2026, 10, 24, 23) });
    expect(periodRange('custom', today, ROME, { first: date(2026, 11, 1), last: date(2026, 11, 3) })).toEqual({
      from: Date.UTC(2026, 9, 31, 23),
      to: Date.UTC(2026, 10, 3, 23),
    });
    // Custom days not typed yet: no limit rather than an empty list.
    expect(periodRange('custom', today, ROME)).toEqual({});
  });
});
