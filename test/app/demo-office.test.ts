import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { silentLogger } from '../../src-main/app/logger';
import { seededRandom } from '../../src-main/app/random';
import { utcToZoned } from '../../src-main/domain/time-zone';
import { tempDir } from '../support/temp-dir';

const NOW = Date.UTC(2026, 10, 24, 9, 0); // a Tuesday
const DAY = 24 * 3600_000;

async function demoCore() {
  const core = await createCore({
    dataDir: join(await tempDir(), 'data'),
    demo: true,
    random: seededRandom(42),
    clock: { now: () => NOW },
    log: silentLogger,
  });
  return core;
}

describe('demo office', () => {
  it('fills a new office with staff, chairs, a few hundred patients and a month of appointments', async () => {
    const core = await demoCore();
    try {
      const summary = await core.api['office.summary']({});
      expect(summary.staff).toBe(3);
      expect(summary.rooms).toBe(3);
      expect(summary.clients).toBeGreaterThanOrEqual(300);
      expect(summary.upcomingAppointments).toBeGreaterThan(200);
      const settings = await core.api['settings.get']({});
      expect(settings).toMatchObject({ officeType: 'dental', timeZone: 'Europe/Rome' });
      expect((await core.api['app.info']({})).demo).toBe(true);
    } finally {
      await core.dispose();
    }
  });

  it('books only on weekdays, within 08:30–18:30 Rome time, never two at once in a chair', async () => {
    const core = await demoCore();
    try {
      const from = NOW - 14 * DAY;
      const items = [
        ...(await core.api['appointments.list']({ from, to: from + 31 * DAY })).items,
      ];
      expect(items.length).toBeGreaterThan(500);
      const byChair = new Map<number, typeof items>();
      for (const item of items) {
        const start = utcToZoned(item.start, 'Europe/Rome');
        const end = utcToZoned(item.end, 'Europe/Rome');
        const weekday = new Date(Date.UTC(start.year, start.month - 1, start.day)).getUTCDay();
        expect(weekday).not.toBe(0);
        expect(weekday).not.toBe(6);
        expect(start.hour * 60 + start.minute).toBeGreaterThanOrEqual(8 * 60 + 30);
        expect(end.hour * 60 + end.minute).toBeLessThanOrEqual(18 * 60 + 30);
        if (item.start < NOW) expect(['done', 'no_show', 'cancelled']).toContain(item.status);
        const chair = item.room?.id ?? 0;
        byChair.set(chair, [...(byChair.get(chair) ?? []), item]);
      }
      for (const list of byChair.values()) {
        for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBeGreaterThanOrEqual(list[i - 1]!.end);
      }
    } finally {
      await core.dispose();
    }
  });

  it('is not added again to an office that already has data', async () => {
    const dataDir = join(await tempDir(), 'data');
    const options = { dataDir, demo: true, random: seededRandom(1), clock: { now: () => NOW }, log: silentLogger };
    const first = await createCore(options);
    const count = (await first.api['office.summary']({})).clients;
    await first.dispose();
    const second = await createCore(options);
    expect((await second.api['office.summary']({})).clients).toBe(count);
    await second.dispose();
  });
});
