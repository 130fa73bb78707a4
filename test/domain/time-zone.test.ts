import { describe, expect, it } from 'vitest';
import { utcToZoned, zonedToUtc, zoneOffsetAt } from '../../src-main/domain/time-zone';

const ROME = 'Europe/Rome';
const HOUR = 3600_000;

describe('office time zone (Europe/Rome)', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(zoneOffsetAt(Date.UTC(2026, 0, 15, 12), ROME)).toBe(HOUR);
    expect(zoneOffsetAt(Date.UTC(2026, 6, 15, 12), ROME)).toBe(2 * HOUR);
  });

  it('maps 09:00 on both sides of the March change (29 March 2026) to the right instants', () => {
    expect(zonedToUtc({ year: 2026, month: 3, day: 28, hour: 9, minute: 0 }, ROME)).toBe(Date.UTC(2026, 2, 28, 8));
    expect(zonedToUtc({ year: 2026, month: 3, day: 29, hour: 9, minute: 0 }, ROME)).toBe(Date.UTC(2026, 2, 29, 7));
  });

  it('moves a wall time skipped at spring-forward (02:30 on 29 March) one hour on', () => {
    const instant = zonedToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, ROME);
    expect(utcToZoned(instant, ROME)).toMatchObject({ hour: 3, minute: 30 });
  });

  it('maps 09:00 on both sides of the October change (25 October 2026)', () => {
    expect(zonedToUtc({ year: 2026, month: 10, day: 24, hour: 9, minute: 0 }, ROME)).toBe(Date.UTC(2026, 9, 24, 7));
    expect(zonedToUtc({ year: 2026, month: 10, day: 25, hour: 9, minute: 0 }, ROME)).toBe(Date.UTC(2026, 9, 25, 8));
  });

  it('round-trips every quarter hour across the October change', () => {
    for (let t = Date.UTC(2026, 9, 24, 20); t < Date.UTC(2026, 9, 25, 6); t += 15 * 60_000) {
      const local = utcToZoned(t, ROME);
      const back = zonedToUtc(local, ROME);
      // 02:00–02:59 happens twice on that night; either instant is a correct reading of it.
      if (local.hour === 2) expect([t, t - HOUR, t + HOUR]).toContain(back);
      else expect(back).toBe(t);
    }
  });
});
