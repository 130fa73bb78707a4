import { describe, expect, it } from 'vitest';
import type { WorkingHours } from '../../../src-main/contract/calendar-schemas';
import { fitsWorkingHours } from '../../../src-main/domain/calendar/working-hours';
import { zonedToUtc } from '../../../src-main/domain/time-zone';

const ROME = 'Europe/Rome';
const at = (day: number, hour: number, minute = 0, month = 11) => zonedToUtc({ year: 2026, month, day, hour, minute }, ROME);
/** Monday to Friday with a lunch break; Saturday morning. */
const hours: WorkingHours = [
  ...[1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, from: '08:30', to: '13:00' },
    { weekday, from: '14:00', to: '18:30' },
  ]),
  { weekday: 6, from: '09:00', to: '12:00' },
];

describe('working hours (office time zone)', () => {
  it('accepts an appointment inside one interval, edges included', () => {
    // 24 November 2026 is a Tuesday.
    expect(fitsWorkingHours(at(24, 8, 30), at(24, 9), hours, ROME)).toBe(true);
    expect(fitsWorkingHours(at(24, 12, 30), at(24, 13), hours, ROME)).toBe(true);
    expect(fitsWorkingHours(at(24, 18), at(24, 18, 30), hours, ROME)).toBe(true);
  });

  it('flags one that starts early, ends late or runs over the lunch break', () => {
    expect(fitsWorkingHours(at(24, 8), at(24, 8, 45), hours, ROME)).toBe(false);
    expect(fitsWorkingHours(at(24, 18), at(24, 19), hours, ROME)).toBe(false);
    expect(fitsWorkingHours(at(24, 12, 30), at(24, 14, 30), hours, ROME)).toBe(false);
  });

  it('reads the weekday in the office zone: Sunday is a day off, Saturday morning is not', () => {
    expect(fitsWorkingHours(at(29, 10), at(29, 11), hours, ROME)).toBe(false);
    expect(fitsWorkingHours(at(28, 10), at(28, 11), hours, ROME)).toBe(true);
    expect(fitsWorkingHours(at(28, 11, 30), at(28, 12, 30), hours, ROME)).toBe(false);
  });

  it('uses wall time on DST days: 08:30 Rome on the Monday after each change', () => {
    expect(fitsWorkingHours(at(30, 8, 30, 3), at(30, 9, 0, 3), hours, ROME)).toBe(true);
    expect(fitsWorkingHours(at(26, 8, 30, 10), at(26, 9, 0, 10), hours, ROME)).toBe(true);
    expect(fitsWorkingHours(at(30, 8, 0, 3), at(30, 8, 30, 3), hours, ROME)).toBe(false);
  });

  it('accepts an interval running to midnight, and refuses an appointment across midnight', () => {
    const late: WorkingHours = [{ weekday: 2, from: '20:00', to: '24:00' }];
    expect(fitsWorkingHours(at(24, 23), at(25, 0), late, ROME)).toBe(true);
    expect(fitsWorkingHours(at(24, 23), at(25, 0, 30), late, ROME)).toBe(false);
  });

  it('sets no limit when no hours are set', () => {
    expect(fitsWorkingHours(at(29, 3), at(29, 4), [], ROME)).toBe(true);
  });
});
