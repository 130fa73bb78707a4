import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { callApi } from './calendar-grid';
import { launchBrowser, openPage, screenshot, startWebApp, type RunningWebApp } from './web-app';

const HOUR = 3600_000;
/** Years of past visits, so the whole-office export takes long enough to watch its progress bar. */
const PAST_APPOINTMENTS = 40_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** The pointer leaves the navbar, whose tooltips would cover the screen's first line in screenshots. */
async function awayFromNav(page: Page): Promise<void> {
  await page.mouse.move(700, 790);
}

/** A button that was loading fades its label back in: a screenshot waits until it is fully drawn. */
async function settled(page: Page): Promise<void> {
  await page.locator('button[data-loading]').waitFor({ state: 'detached' });
  await page.waitForTimeout(350);
  await awayFromNav(page);
}

async function openExportTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('link', { name: 'Privacy', exact: true }).click();
  await page.getByRole('tab', { name: tab }).click();
  await page.getByTestId('export-client').waitFor();
  await awayFromNav(page);
}

async function pickClient(page: Page, label: RegExp, typed: string, name: RegExp): Promise<void> {
  await page.getByTestId('export-client').getByLabel(label).fill(typed);
  const option = page.getByRole('option').filter({ hasText: name }).first();
  await option.waitFor();
  await option.click();
}

async function zipOf(download: Download): Promise<Record<string, Uint8Array>> {
  return unzipSync(new Uint8Array(await readFile((await download.path()) ?? '')));
}

function json(files: Record<string, Uint8Array>, name: string): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(files[name])) as Record<string, unknown>;
}

describe('access and portability exports in a browser (demo dental office)', () => {
  let app: RunningWebApp;
  let nicolo: number;

  beforeAll(async () => {
    app = await startWebApp({ demo: true });
    const created = await callApi(app.url, 'clients.create', { lastName: "D'Angelo", firstName: 'Nicolò', mobile: '+39 320 555 0001', email: 'nicolo@example.it' });
    nicolo = created.id;
    const start = Math.floor((Date.now() + 50 * HOUR) / HOUR) * HOUR;
    await callApi(app.url, 'appointments.create', { clientId: nicolo, staffId: 1, roomId: 1, start, end: start + HOUR / 2, confirmConflicts: true });
    // Done visits of the demo patients, hourly from ten years ago: long past, so nothing plans reminders for them.
    const sql = await SqliteConnection.open(databasePathIn(app.dataDir), 'readwrite-create');
    sql.setBusyTimeout(10_000);
    try {
      await sql.run(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?3)
         INSERT INTO appointments (client_id, staff_id, room_id, start_at, end_at, status, created_at, updated_at)
         SELECT i % 320 + 1, i % 3 + 1, i % 3 + 1, ?1 + i * ?2, ?1 + i * ?2 + ?2 / 2, 'done', ?1, ?1 FROM n`,
        [Date.now() - 10 * 365 * 24 * HOUR, HOUR, PAST_APPOINTMENTS],
      );
    } finally {
      await sql.close();
    }
  });

  afterAll(async () => {
    await app.stop();
  });

  it('exports one patient’s data and the whole office from the panel, in Italian', async () => {
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT' });
    await openExportTab(page, 'Esportazione');
    await page.getByRole('heading', { name: 'I dati di un paziente' }).waitFor();
    const button = page.getByRole('button', { name: 'Esporta i dati di questa persona (ZIP)' });
    expect(await button.isDisabled()).toBe(true);
    await screenshot(page, 'privacy-export-1-tab-it');

    await pickClient(page, /^Paziente/, "d'ang", /^D'Angelo Nicolò/);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^dati-d-angelo-nicolo-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = await zipOf(download);
    expect(Object.keys(files).sort()).toEqual(['LEGGIMI.txt', 'README.txt', 'appointments.csv', 'appointments.ics', 'consents.csv', 'contact.vcf', 'data.json', 'messages.csv', 'replies.csv']);
    const data = json(files, 'data.json');
    expect(data).toMatchObject({ format: 'promemoria.client-export', version: 1, office: { name: 'Studio Dentistico Sorriso' }, client: { id: nicolo, firstName: 'Nicolò', lastName: "D'Angelo" } });
    expect(data.appointments).toHaveLength(1);
    const ready = page.getByTestId('export-client-ready');
    await ready.waitFor();
    // The demo office plans reminders for the new appointment: as many SMS as data.json holds.
    const sent = (data.messages as unknown[]).length;
    await expect(ready.textContent()).resolves.toMatch(new RegExp(`^ZIP pronto: dati-d-angelo-nicolo-.*\\.zip \\(\\d+ KB\\)Appuntamenti: 1 · SMS inviati: ${sent} · Risposte: 0 · Consensi registrati: 0$`));
    await settled(page);
    await screenshot(page, 'privacy-export-2-client-it');

    const officeDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Esporta tutto lo studio (ZIP)' }).click();
    // The progress bar shows while the core makes the ZIP; a fast machine may finish first, so it is not required.
    const progress = page.getByTestId('export-office-progress');
    const shown = await progress.waitFor({ timeout: 1000 }).then(() => true, () => false);
    // After the button's fade into its spinner, if the ZIP is still being made.
    if (shown) await page.waitForTimeout(250);
    if (shown && (await progress.isVisible())) await screenshot(page, 'privacy-export-3-office-progress-it');
    const office = await officeDownload;
    expect(office.suggestedFilename()).toMatch(/^promemoria-studio-\d{4}-\d{2}-\d{2}\.zip$/);
    const officeFiles = await zipOf(office);
    const officeData = json(officeFiles, 'data.json') as { tables: Record<string, unknown[]> };
    const { total } = await callApi(app.url, 'clients.list', { limit: 1 });
    expect(officeData.tables.clients).toHaveLength(total);
    expect(Object.keys(officeFiles)).toEqual(expect.arrayContaining(['clients.csv', 'appointments.csv', 'staff.csv', 'rooms.csv', 'settings.csv', 'LEGGIMI.txt']));
    await page.getByTestId('export-office-ready').waitFor();
    await expect(page.getByTestId('export-office-ready').textContent()).resolves.toContain(`Pazienti: ${total.toLocaleString('it-IT')}`);
    await settled(page);
    await screenshot(page, 'privacy-export-4-office-it');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('exports one patient’s data, in English', async () => {
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'en-GB' });
    await openExportTab(page, 'Export');
    await pickClient(page, /^Patient/, 'nicol', /^D'Angelo Nicolò/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export this person’s data (ZIP)' }).click()]);
    // Named in the office's language (Italian until the office picks one), whatever the screen's.
    expect(download.suggestedFilename()).toMatch(/^dati-d-angelo-nicolo-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(json(await zipOf(download), 'data.json')).toMatchObject({ client: { id: nicolo } });
    await page.getByTestId('export-client-ready').waitFor();
    await settled(page);
    await screenshot(page, 'privacy-export-5-client-en');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
