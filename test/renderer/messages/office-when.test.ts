import { describe, expect, it } from 'vitest';
import { officeWhen } from '../../../src-renderer/screens/messages/office-when';

describe('times in the outbox, on the office’s clocks', () => {
  const now = Date.UTC(2026, 10, 24, 10, 0); // Tuesday 24 November 2026, 11:00 in Rome
  const rome = officeWhen('it-IT', 'Europe/Rome');

  it('shows only the time on the office’s today', () => {
    expect(rome.short(Date.UTC(2026, 10, 24, 13, 30), now)).toBe('14:30');
    // 23:30 UTC is already Wednesday in Rome.
    expect(rome.short(Date.UTC(2026, 10, 24, 23, 30), now)).toBe('mer 25 nov, 00:30');
  });

  it('adds the year only when it is another year', () => {
    expect(rome.short(Date.UTC(2027, 0, 4, 8, 0), now)).toBe('4 gen 2027, 09:00');
  });

  it('follows the office’s zone, not the computer’s', () => {
    const tokyo = officeWhen('en-GB', 'Asia/Tokyo');
    // 19:00 in Tokyo: 22:30 is still today there, 01:00 is tomorrow.
    expect(tokyo.short(Date.UTC(2026, 10, 24, 13, 30), now)).toBe('22:30');
    expect(tokyo.short(Date.UTC(2026, 10, 24, 16, 0), now)).toBe('Wed 25 Nov, 01:00');
    expect(tokyo.time(Date.UTC(2026, 10, 24, 13, 30))).toBe('22:30');
    // The punctuation between the parts varies between ICU versions.
    expect(tokyo.full(Date.UTC(2026, 10, 24, 13, 30, 5))).toMatch(/^Tuesday,? 24 November 2026\D+22:30:05$/);
  });
});
