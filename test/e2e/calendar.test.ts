import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { utcToZoned, zonedToUtc } from '../../src-main/domain/time-zone';
import { boxOf, callApi, drag, eventWith, grabPoint, slotPoint } from './calendar-grid';
import { launchBrowser, openPage, screenshot, startWebApp, type RunningWebApp } from './web-app';

const ROME = 'Europe/Rome';
const DAY_MS = 24 * 3600_000;
/** A refused booking is an HTTP 409 by design, and the browser logs every such response. */
const REFUSED_BOOKING = /status of 409/;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** "2026-12-15": the first Tuesday at least three weeks ahead in Rome, after the demo's month of appointments. */
function freeTuesday(): { key: string; year: number; month: number; day: number } {
  const today = utcToZoned(Date.now(), ROME);
  let date = new Date(Date.UTC(today.year, today.month - 1, today.day) + 21 * DAY_MS);
  while (date.getUTCDay() !== 2) date = new Date(date.getTime() + DAY_MS);
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  return { key: date.toISOString().slice(0, 10), year, month, day };
}

/** Mantine's dialogs fade in: a screenshot waits until they are fully drawn. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(350);
}

async function goToDate(page: Page, key: string): Promise<void> {
  await page.getByTestId('date-jump').fill(key);
}

describe('booking, moving and conflicts in the day view (demo dental office, Italian, computer in Tokyo)', () => {
  let app: RunningWebApp;

  beforeAll(async () => {
    app = await startWebApp({ demo: true });
  });

  afterAll(async () => {
    await app.stop();
  });

  it('books by dragging over a slot, moves by dragging, warns of a clash and lets the user put it back or keep it', async () => {
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT', timezoneId: 'Asia/Tokyo', expectedConsoleErrors: REFUSED_BOOKING });
    await page.locator('.ec-week-view .ec-event').first().waitFor();
    await screenshot(page, 'calendar-week-it');

    const day = freeTuesday();
    const rome = (hour: number, minute = 0) => zonedToUtc({ year: day.year, month: day.month, day: day.day, hour, minute }, ROME);
    await goToDate(page, day.key);
    await page.keyboard.press('g');
    await page.locator('.ec-day-view').waitFor();
    await expect(page.getByTestId('calendar-label').textContent()).resolves.toMatch(/^Martedì \d+ \w+ \d{4}$/);

    // Book: drag over 10:00–10:45 in the first chair's column.
    await drag(page, await slotPoint(page, 'Poltrona 1', '10:00'), await slotPoint(page, 'Poltrona 1', '10:30'));
    const dialog = page.getByRole('dialog', { name: 'Nuovo appuntamento' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Inizio').inputValue()).resolves.toBe('10:00');
    await expect(dialog.getByLabel('Durata', { exact: true }).inputValue()).resolves.toBe('45 min');
    await expect(dialog.getByLabel('Poltrona', { exact: true }).inputValue()).resolves.toBe('Poltrona 1');
    await dialog.getByLabel(/^Paziente/).fill('ross');
    const option = page.getByRole('option').filter({ hasText: /^Ross/ }).first();
    await option.waitFor();
    const clientName = ((await option.textContent()) ?? '').replace(/\+.*$/, '').trim();
    await option.click();
    await settle(page);
    await screenshot(page, 'calendar-book-dialog-it');
    await dialog.getByRole('button', { name: 'Salva', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // The new appointment shows at 10:00 Rome time although this computer is in Tokyo.
    const booked = eventWith(page, clientName).filter({ hasText: '10:00–10:45' });
    await booked.waitFor();
    await screenshot(page, 'calendar-booked-it');
    const listDay = async () => (await callApi(app.url, 'appointments.list', { from: rome(0), to: rome(23, 59) })).items;
    const [mine] = (await listDay()).filter((item) => item.client.name === clientName);
    expect(mine).toMatchObject({ start: rome(10), end: rome(10, 45), room: { id: 1, name: 'Poltrona 1' }, status: 'booked' });
    const id = mine?.id ?? 0;
    const stored = () => callApi(app.url, 'appointments.get', { id });

    // Move: drag it to the second chair, an hour later.
    const grab = await grabPoint(booked);
    const to = await slotPoint(page, 'Poltrona 2', '11:00');
    await drag(page, grab, { x: to.x, y: grab.y + (to.y - (await slotPoint(page, 'Poltrona 1', '10:00')).y) });
    await expect.poll(async () => (await stored()).room?.id).toBe(2);
    expect(await stored()).toMatchObject({ start: rome(11), end: rome(11, 45) });
    await eventWith(page, clientName).filter({ hasText: '11:00–11:45' }).waitFor();
    await screenshot(page, 'calendar-moved-it');

    // Resize: drag the bottom edge down by a quarter of an hour.
    const resized = eventWith(page, clientName);
    await resized.hover();
    const handle = await boxOf(resized.locator('.ec-resizer'));
    const edge = { x: handle.x + 12, y: handle.y + handle.height / 2 };
    await drag(page, edge, { x: edge.x, y: edge.y + 18 });
    await expect.poll(async () => (await stored()).end).toBe(rome(12));
    await screenshot(page, 'calendar-resized-it');

    // Someone books the third chair at 11:00; moving ours there clashes.
    await callApi(app.url, 'appointments.create', { clientId: 2, staffId: 3, roomId: 3, start: rome(11), end: rome(11, 30) });
    await page.locator('.ec-event.pm-event').nth(1).waitFor();
    const moveToChair3 = async () => {
      const from = await grabPoint(eventWith(page, clientName));
      const target = await slotPoint(page, 'Poltrona 3', '11:00');
      await drag(page, from, { x: target.x, y: from.y });
    };
    await moveToChair3();
    const clash = page.getByRole('dialog', { name: 'Lì l’appuntamento si sovrappone' });
    await clash.waitFor();
    await expect(clash.getByTestId('conflict-list').textContent()).resolves.toMatch(/Poltrona 3 già occupata: .+, 11:00–11:30/);
    await settle(page);
    await screenshot(page, 'calendar-conflict-it');
    await clash.getByRole('button', { name: 'Rimettilo com’era' }).click();
    await clash.waitFor({ state: 'detached' });
    expect((await stored()).room?.id).toBe(2);
    const back = await boxOf(eventWith(page, clientName));
    const chair2 = await slotPoint(page, 'Poltrona 2', '11:00');
    expect(Math.abs(back.x + back.width / 2 - chair2.x)).toBeLessThan(30);

    // Again, and this time keep it there.
    await moveToChair3();
    await clash.waitFor();
    await clash.getByRole('button', { name: 'Lascialo lì comunque' }).click();
    await expect.poll(async () => (await stored()).room?.id).toBe(3);

    // Opening it shows the dialog with its details; the staff columns show the same day by dentist.
    await eventWith(page, clientName).click();
    const edit = page.getByRole('dialog', { name: 'Appuntamento', exact: true });
    await edit.waitFor();
    await expect(edit.getByLabel('Inizio').inputValue()).resolves.toBe('11:00');
    await expect(edit.getByLabel('Durata', { exact: true }).inputValue()).resolves.toBe('1 h');
    await settle(page);
    await screenshot(page, 'calendar-edit-dialog-it');
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'detached' });
    await page.keyboard.press('c');
    await page.locator('.ec-col-head', { hasText: 'Dott. Marco Bianchi' }).waitFor();
    await screenshot(page, 'calendar-day-staff-it');

    await page.keyboard.press('m');
    await page.locator('.ec-month-view').waitFor();
    await screenshot(page, 'calendar-month-it');
    await page.keyboard.press('a');
    await page.getByRole('columnheader', { name: 'Paziente' }).waitFor();
    await screenshot(page, 'calendar-agenda-it');

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('keeps the office’s times and today on a computer in New York, in English, and navigates by keyboard', async () => {
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'en-GB', timezoneId: 'America/New_York', expectedConsoleErrors: REFUSED_BOOKING });
    await page.locator('.ec-event').first().waitFor();
    await page.getByRole('heading', { name: 'Calendar' }).waitFor();

    // The demo's first appointment this week, in Rome time, is where Rome's clock says.
    const label = async () => (await page.getByTestId('calendar-label').textContent()) ?? '';
    await page.keyboard.press('d');
    await page.locator('.ec-day-view').waitFor();
    const today = utcToZoned(Date.now(), ROME);
    const from = zonedToUtc({ ...today, hour: 0, minute: 0 }, ROME);
    const { items } = await callApi(app.url, 'appointments.list', { from, to: from + DAY_MS });
    const first = items[0];
    if (first) {
      const wall = utcToZoned(first.start, ROME);
      const time = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
      await eventWith(page, first.client.name).filter({ hasText: time }).first().waitFor();
    }
    await page.locator('.ec-day.ec-today').first().waitFor();
    await screenshot(page, 'calendar-day-en');

    const todayLabel = await label();
    await page.keyboard.press('ArrowRight');
    await expect.poll(label).not.toBe(todayLabel);
    await page.keyboard.press('t');
    await expect.poll(label).toBe(todayLabel);
    // Shortcuts are not taken from a text field.
    await page.getByRole('button', { name: 'New appointment' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.getByLabel(/^Patient/).fill('m');
    await expect.poll(label).toBe(todayLabel);
    await settle(page);
    await screenshot(page, 'calendar-new-dialog-en');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('w');
    await page.locator('.ec-week-view').waitFor();
    await screenshot(page, 'calendar-week-en');
    await page.keyboard.press('m');
    await page.locator('.ec-month-view').waitFor();
    await screenshot(page, 'calendar-month-en');

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('a new office: staff, rooms and working hours in Settings, then a booking outside them', () => {
  let app: RunningWebApp;

  beforeAll(async () => {
    app = await startWebApp();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('sets up a dentist with a lunch break and a chair, and warns of an appointment outside the hours', async () => {
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'en-GB', timezoneId: 'Europe/Rome', expectedConsoleErrors: REFUSED_BOOKING });
    await page.getByText('No appointments this week').waitFor();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();

    await page.getByRole('button', { name: 'Add dentist' }).click();
    const staffDialog = page.getByRole('dialog', { name: 'Add dentist' });
    await staffDialog.getByRole('textbox', { name: 'Name' }).fill('Dr Anna White');
    await staffDialog.getByRole('button', { name: 'Lunch break' }).first().click();
    await staffDialog.getByRole('button', { name: 'Monday’s hours for Tuesday–Friday' }).click();
    await settle(page);
    await screenshot(page, 'settings-staff-dialog-en');
    await staffDialog.getByRole('button', { name: 'Save', exact: true }).click();
    await staffDialog.waitFor({ state: 'detached' });
    await page.getByText('Mon–Fri 09:00–13:00, 14:00–18:00').waitFor();

    await page.getByRole('button', { name: 'Add chair' }).click();
    const roomDialog = page.getByRole('dialog', { name: 'Add chair' });
    await roomDialog.getByRole('textbox', { name: 'Name' }).fill('Chair 1');
    await roomDialog.getByRole('button', { name: 'Save', exact: true }).click();
    await roomDialog.waitFor({ state: 'detached' });
    await page.getByText('Chair 1', { exact: true }).waitFor();
    await page.getByText('Dentists and chairs').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-staff-rooms-en');

    await page.getByRole('link', { name: 'Calendar', exact: true }).click();
    await page.getByRole('button', { name: 'New appointment' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.getByRole('button', { name: 'New patient' }).click();
    await dialog.getByRole('textbox', { name: 'Last name' }).fill('Verdi');
    await dialog.getByRole('textbox', { name: 'First name' }).fill('Giulia');
    await dialog.getByRole('textbox', { name: 'Mobile' }).fill('333 123 4567');
    await dialog.getByRole('button', { name: 'Add patient' }).click();
    await expect.poll(() => dialog.getByLabel(/^Patient/).inputValue()).toBe('Verdi Giulia');
    // The only dentist and chair are chosen already; 19:00 on a Monday is after hours.
    await expect(dialog.getByLabel('Dentist', { exact: true }).inputValue()).resolves.toBe('Dr Anna White');
    await expect(dialog.getByLabel('Chair', { exact: true }).inputValue()).resolves.toBe('Chair 1');
    const monday = new Date(Date.now() + 7 * DAY_MS);
    while (monday.getUTCDay() !== 1) monday.setUTCDate(monday.getUTCDate() + 1);
    await dialog.getByRole('textbox', { name: 'Date' }).fill(monday.toISOString().slice(0, 10));
    await dialog.getByRole('textbox', { name: 'Start' }).fill('19:00');
    const warning = dialog.getByTestId('dialog-conflicts');
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain('19:00–19:30 is outside the working hours of Dr Anna White');
    await settle(page);
    await screenshot(page, 'calendar-outside-hours-en');
    await dialog.getByRole('button', { name: 'Save anyway' }).click();
    await dialog.waitFor({ state: 'detached' });
    const summary = await callApi(app.url, 'office.summary', {});
    expect(summary.upcomingAppointments).toBe(1);

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('a busy week: 1,000 appointments in the week view', () => {
  let app: RunningWebApp;

  beforeAll(async () => {
    app = await startWebApp();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('draws them all, and says how long that took', async () => {
    // Next week, Monday to Friday, 10 chairs × 20 half-hour slots a day, written beside the running app.
    const today = utcToZoned(Date.now(), ROME);
    const todayUtc = new Date(Date.UTC(today.year, today.month - 1, today.day));
    const base = new Date(todayUtc.getTime() + (8 - (todayUtc.getUTCDay() || 7)) * DAY_MS);
    const db = await SqliteConnection.open(databasePathIn(app.dataDir), 'readwrite-create');
    try {
      db.setBusyTimeout(5000);
      // IMMEDIATE: the running app may be writing too; a deferred transaction that reads first
      // could not wait for its write lock (SQLITE_BUSY at once, busy timeout or not).
      await db.exec(`BEGIN IMMEDIATE;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
          INSERT INTO clients (id, first_name, last_name, created_at, updated_at) SELECT i, 'Nome' || i, 'Cognome' || i, 0, 0 FROM n;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
          INSERT INTO rooms (id, name, sort_order, created_at, updated_at) SELECT i, 'Poltrona ' || i, i, 0, 0 FROM n;
        COMMIT;`);
      const rows: string[] = [];
      for (let i = 0; i < 1000; i++) {
        const dayOffset = Math.floor(i / 200);
        const room = 1 + Math.floor((i % 200) / 20);
        const slot = i % 20;
        const date = new Date(base.getTime() + dayOffset * DAY_MS);
        const start = zonedToUtc({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 8, minute: slot * 30 }, ROME);
        rows.push(`(${1 + (i % 200)}, ${room}, ${start}, ${start + 30 * 60_000}, 0, 0)`);
      }
      await db.exec(`INSERT INTO appointments (client_id, room_id, start_at, end_at, created_at, updated_at) VALUES ${rows.join(',')}`);
    } finally {
      await db.close();
    }

    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT', timezoneId: 'Europe/Rome', expectedConsoleErrors: REFUSED_BOOKING });
    await page.locator('.ec-week-view').waitFor();
    // From the key press to all 1,000 appointments in the page: the data call, React and the calendar.
    const timeUntil = (key: string, selector: string) =>
      page.evaluate(
        ([pressed, wanted]) =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            window.dispatchEvent(new KeyboardEvent('keydown', { key: pressed, bubbles: true }));
            const check = () => {
              if (document.querySelectorAll(wanted ?? '').length >= 1000) resolve(performance.now() - start);
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          }),
        [key, selector],
      );
    const week = await timeUntil('ArrowRight', '.ec-event.pm-event');
    console.log(`week view with 1,000 appointments: ${week.toFixed(0)} ms (target ≤ 150 ms)`);
    expect(await page.locator('.ec-event.pm-event').count()).toBe(1000);
    expect(week).toBeLessThan(2000);
    await screenshot(page, 'calendar-week-1000');
    const agenda = await timeUntil('a', 'main tbody tr[tabindex]');
    console.log(`agenda list with 1,000 appointments: ${agenda.toFixed(0)} ms`);
    expect(agenda).toBeLessThan(2000);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
