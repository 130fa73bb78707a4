import { describe, expect, it } from 'vitest';
import { formatTypedDate, parseClock, parseTypedDate } from '../../../src-renderer/screens/calendar/typed-date-time';

describe('typed dates and times', () => {
  it('reads the ways people type a time, in 24 hours', () => {
    expect(['9', '09', '900', '9:00', '9.00', '09:00'].map(parseClock)).toEqual(Array(6).fill('09:00'));
    expect(parseClock('1430')).toBe('14:30');
    expect(parseClock('14.30')).toBe('14:30');
    expect(parseClock('0')).toBe('00:00');
  });

  it('refuses what is not a time of day', () => {
    expect(['24:00', '9:60', '930pm', '', 'abc', '12345'].map(parseClock)).toEqual(Array(6).fill(undefined));
  });

  it('reads dates day first, with any separator, two- or four-digit years, or ISO', () => {
    expect(parseTypedDate('24/11/2026')).toBe('2026-11-24');
    expect(parseTypedDate('1.3.26')).toBe('2026-03-01');
    expect(parseTypedDate('05-06-2027')).toBe('2027-06-05');
    expect(parseTypedDate('2026-11-24')).toBe('2026-11-24');
  });

  it('refuses dates that do not exist', () => {
    expect(['31/11/2026', '29/02/2027', '11/24/2026', '24/11', ''].map(parseTypedDate)).toEqual(Array(5).fill(undefined));
    expect(parseTypedDate('29/02/2028')).toBe('2028-02-29');
  });

  it('shows a date day first', () => {
    expect(formatTypedDate('2026-03-01')).toBe('01/03/2026');
  });
});
