import { describe, expect, it } from 'vitest';
import {
  instantOfOfficeWallIso,
  officeInstant,
  officeOffsetLabel,
  officeWallIsoFormatter,
  officeWallTime,
  shiftOfficeTime,
} from '../../../src-renderer/screens/calendar/office-time';

const ROME = 'Europe/Rome';

describe('office wall times in the renderer (what the calendar is fed and gives back)', () => {
  it('writes instants as Rome wall times, whatever zone this process runs in', () => {
    const wallIso = officeWallIsoFormatter(ROME);
    expect(wallIso(Date.UTC(2026, 0, 15, 8, 30))).toBe('2026-01-15T09:30:00');
    expect(wallIso(Date.UTC(2026, 6, 15, 7, 30))).toBe('2026-07-15T09:30:00');
    // Either side of the October change, within the same UTC hour cache bucket boundaries.
    expect(wallIso(Date.UTC(2026, 9, 25, 0, 45))).toBe('2026-10-25T02:45:00');
    expect(wallIso(Date.UTC(2026, 9, 25, 1, 15))).toBe('2026-10-25T02:15:00');
    expect(officeWallIsoFormatter('Asia/Tokyo')(Date.UTC(2026, 0, 15, 8, 30))).toBe('2026-01-15T17:30:00');
  });

  it('reads wall times back as instants on both sides of the March change', () => {
    expect(instantOfOfficeWallIso('2026-03-28T09:00:00', ROME)).toBe(Date.UTC(2026, 2, 28, 8));
    expect(instantOfOfficeWallIso('2026-03-30T09:00', ROME)).toBe(Date.UTC(2026, 2, 30, 7));
    expect(officeInstant({ year: 2026, month: 3, day: 29 }, 2 * 60 + 30, ROME)).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });

  it('moves by wall-clock minutes: a drag from Friday 09:00 to Monday 09:00 across the change', () => {
    const friday = Date.UTC(2026, 2, 27, 8); // 09:00 Rome, UTC+1
    const monday = shiftOfficeTime(friday, 3 * 24 * 60, ROME);
    expect(monday).toBe(Date.UTC(2026, 2, 30, 7)); // 09:00 Rome, UTC+2
    expect(officeWallTime(monday, ROME)).toEqual({ date: { year: 2026, month: 3, day: 30 }, minuteOfDay: 9 * 60 });
  });

  it('names the offset for the calendar’s "today" and now line', () => {
    expect(officeOffsetLabel(Date.UTC(2026, 0, 15), ROME)).toBe('+01:00');
    expect(officeOffsetLabel(Date.UTC(2026, 6, 15), ROME)).toBe('+02:00');
    expect(officeOffsetLabel(Date.UTC(2026, 0, 15), 'America/New_York')).toBe('-05:00');
    expect(officeOffsetLabel(Date.UTC(2026, 0, 15), 'Asia/Kolkata')).toBe('+05:30');
  });
});
