import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { utcToZoned } from '../../src-main/domain/time-zone';
import { callApi } from './calendar-grid';
import { launchBrowser, openPage, screenshot, startWebApp, type RunningWebApp } from './web-app';

const ROME = 'Europe/Rome';
const HOUR = 3600_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** Mantine's dialogs and drawers slide in: a screenshot waits until they are fully drawn. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(350);
}

/** The pointer leaves the navbar, whose tooltips would cover the screen's first line in screenshots. */
async function awayFromNav(page: Page): Promise<void> {
  await page.mouse.move(700, 790);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Three patients, and a reminder queued for Mario: a rule one day before, his
 * appointment 30 hours from now, so it is due in 6 hours (sending hours moved
 * well away from that, so it stays queued whatever the hour of the test).
 */
async function office(url: string): Promise<{ mario: number; reminderId: number }> {
  await callApi(url, 'settings.update', { timeZone: ROME, officeName: 'Studio Dentistico Sorriso', officeType: 'dental', language: null });
  const quiet = utcToZoned(Date.now() + 12 * HOUR, ROME);
  await callApi(url, 'reminders.settings.update', {
    quietFrom: `${pad(quiet.hour)}:${pad(quiet.minute)}`,
    quietTo: `${pad((quiet.hour + 1) % 24)}:${pad(quiet.minute)}`,
    quietSundays: false,
    minLeadMinutes: 0,
    autoAcknowledge: false,
  });
  await callApi(url, 'reminders.rules.create', {
    name: 'Il giorno prima',
    offsetMinutes: 24 * 60,
    templateIt: 'Gentile {first_name}, la aspettiamo {weekday} alle {time}.',
    templateEn: 'Dear {first_name}, see you on {weekday} at {time}.',
  });
  const mario = await callApi(url, 'clients.create', { lastName: 'Rossi', firstName: 'Mario', mobile: '+39 333 123 4567', language: 'it' });
  await callApi(url, 'clients.create', { lastName: 'Bianchi', firstName: 'Anna', mobile: '+39 347 555 0101', language: 'it' });
  await callApi(url, 'clients.create', { lastName: 'Smith', firstName: 'John', mobile: '+44 7911 123456', language: 'en' });
  const start = Math.floor((Date.now() + 30 * HOUR) / HOUR) * HOUR;
  await callApi(url, 'appointments.create', { clientId: mario.id, staffId: null, roomId: null, start, end: start + HOUR / 2, confirmConflicts: true });
  await expect.poll(async () => (await callApi(url, 'messages.list', {})).items.map((m) => m.state)).toEqual(['queued']);
  const [reminder] = (await callApi(url, 'messages.list', {})).items;
  return { mario: mario.id, reminderId: reminder?.id ?? 0 };
}

describe('the consent ledger in a browser', () => {
  let app: RunningWebApp;

  beforeAll(async () => {
    app = await startWebApp();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('records a consent with evidence on a client page, withdraws reminders (the queued one is cancelled), and shows it in the panel, in Italian and English', async () => {
    const { mario, reminderId } = await office(app.url);
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT' });

    // The client page: nothing recorded, so reminders stand on the mandate and the rest is not given.
    await page.getByRole('link', { name: 'Pazienti', exact: true }).click();
    await page.getByTestId('clients-table').getByText('Rossi', { exact: true }).click();
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'Rossi Mario' }).waitFor();
    const card = page.getByTestId('consents-card');
    await card.getByTestId('consent-reminders').getByText('Per mandato').waitFor();
    await card.getByTestId('consent-recall').getByText('Non dato').waitFor();
    await card.getByTestId('consent-marketing').getByText('Non dato').waitFor();
    await card.getByText('Ancora nessuna registrazione.').waitFor();
    await awayFromNav(page);
    await screenshot(page, 'privacy-consents-client-empty-it');

    // Consent to marketing on a paper form, with the notice version and a scan as evidence.
    await card.getByRole('button', { name: 'Registra il consenso: Marketing' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registra il consenso' });
    await dialog.getByText('Rossi Mario acconsente a: Auguri di compleanno e promozioni.').waitFor();
    await expect(dialog.getByRole('radio', { name: 'Modulo cartaceo' }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('combobox', { name: 'Registrato da' }).fill('Giulia Neri');
    await dialog.getByRole('textbox', { name: 'Informativa consegnata (versione)' }).fill('2026-01');
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'modulo Rossi.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await dialog.getByText('modulo Rossi.pdf').waitFor();
    // The autocomplete's list would cover the dialog in the screenshot.
    await dialog.getByText('Come', { exact: true }).click();
    await settle(page);
    await screenshot(page, 'privacy-consents-grant-dialog-it');
    await dialog.getByRole('button', { name: 'Registra consenso' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByTestId('consent-marketing').getByText('Dato', { exact: true }).waitFor();
    const entry = card.getByTestId('consent-entry').first();
    await entry.getByText('Modulo cartaceo · Giulia Neri · Informativa 2026-01').waitFor();
    await entry.getByRole('button', { name: /^Scarica la prova registrata il/ }).waitFor();

    // The evidence file is beside the database, readable by the office's user only.
    const folder = join(app.dataDir, 'evidence', String(mario));
    const files = await readdir(folder);
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{24}\.pdf$/)]);
    if (process.platform !== 'win32') expect((await stat(join(folder, files[0] ?? ''))).mode & 0o777).toBe(0o600);

    // Withdrawing reminders is one click and a method: the queued reminder is cancelled at once.
    await card.getByRole('button', { name: 'Revoca il consenso: Promemoria' }).click();
    const withdraw = page.getByRole('dialog', { name: 'Registra una revoca' });
    await withdraw.getByText('I promemoria già in coda per questo paziente vengono annullati subito', { exact: false }).waitFor();
    await expect(withdraw.getByRole('radio', { name: 'A voce al personale' }).isChecked()).resolves.toBe(true);
    await expect(withdraw.getByRole('combobox', { name: 'Registrato da' }).inputValue()).resolves.toBe('Giulia Neri');
    await settle(page);
    await screenshot(page, 'privacy-consents-withdraw-dialog-it');
    await withdraw.getByRole('button', { name: 'Registra revoca' }).click();
    await withdraw.waitFor({ state: 'detached' });
    await card.getByTestId('consent-reminders').getByText('Revocato').waitFor();
    // The page's header says it too: the client's SMS opt-out follows their word on reminders.
    await page.getByRole('main').getByText('No SMS', { exact: true }).first().waitFor();
    await expect
      .poll(async () => (await callApi(app.url, 'messages.list', {})).items.find((m) => m.id === reminderId)?.state)
      .toBe('cancelled');
    expect((await callApi(app.url, 'consents.forClient', { clientId: mario })).history.map((e) => [e.purpose, e.granted, e.method, e.recordedBy])).toEqual([
      ['reminders', false, 'verbal', 'Giulia Neri'],
      ['marketing', true, 'paper', 'Giulia Neri'],
    ]);
    await card.getByTestId('consent-entry').nth(1).waitFor();
    await awayFromNav(page);
    await screenshot(page, 'privacy-consents-client-it');

    // The panel: counts per purpose; the "withdrawn" count of reminders lists exactly Mario.
    await page.getByRole('link', { name: 'Privacy', exact: true }).click();
    await page.getByRole('tab', { name: 'Consensi' }).waitFor();
    const counts = page.getByTestId('consent-counts');
    await counts.getByRole('button', { name: 'Promemoria: Revocato, 1' }).waitFor();
    await counts.getByRole('button', { name: 'Promemoria: Per mandato, 2' }).waitFor();
    await counts.getByRole('button', { name: 'Marketing: Dato, 1' }).waitFor();
    const table = page.getByTestId('consents-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    await awayFromNav(page);
    await screenshot(page, 'privacy-consents-panel-it');

    await counts.getByRole('button', { name: 'Promemoria: Revocato, 1' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = table.locator('tbody tr').first();
    await row.getByText('Rossi Mario').waitFor();
    await row.getByTestId('cell-reminders').getByText('Revocato').waitFor();
    await row.getByTestId('cell-marketing').getByText('Dato', { exact: true }).waitFor();
    await awayFromNav(page);
    await screenshot(page, 'privacy-consents-panel-withdrawn-it');

    // A row opens the ledger beside the table; consent to recall is recorded right there.
    await row.click();
    const drawer = page.getByRole('dialog', { name: 'Consensi — Rossi Mario' });
    await drawer.getByTestId('consent-reminders').getByText('Revocato').waitFor();
    await drawer.getByRole('button', { name: 'Registra il consenso: Richiami' }).click();
    const recall = page.getByRole('dialog', { name: 'Registra il consenso' });
    await recall.getByRole('radio', { name: 'E-mail' }).check();
    await recall.getByRole('button', { name: 'Registra consenso' }).click();
    await recall.waitFor({ state: 'detached' });
    await drawer.getByTestId('consent-recall').getByText('Dato', { exact: true }).waitFor();
    await counts.getByRole('button', { name: 'Richiami: Dato, 1' }).waitFor();
    await settle(page);
    await screenshot(page, 'privacy-consents-drawer-it');

    // And to the client's page by its link.
    await drawer.getByRole('link', { name: 'Apri la scheda del paziente' }).click();
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'Rossi Mario' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/clients/${mario}`);
    await page.getByTestId('consents-card').getByTestId('consent-recall').getByText('Dato', { exact: true }).waitFor();

    // The same in English.
    await page.getByRole('radiogroup', { name: 'Lingua' }).getByRole('radio', { name: 'EN' }).check();
    const cardEn = page.getByTestId('consents-card');
    await cardEn.getByTestId('consent-reminders').getByText('Withdrawn').waitFor();
    await cardEn.getByRole('button', { name: 'Record consent to Reminders' }).waitFor();
    await cardEn.getByText('Paper form · Giulia Neri · Notice 2026-01').waitFor();
    await awayFromNav(page);
    await screenshot(page, 'privacy-consents-client-en');

    await page.getByRole('link', { name: 'Privacy', exact: true }).click();
    await page.getByRole('tab', { name: 'Consents' }).waitFor();
    await page.getByTestId('consent-counts').getByRole('button', { name: 'Reminders: Withdrawn, 1' }).waitFor();
    await page.getByTestId('consents-table').locator('tbody tr').first().waitFor();
    await awayFromNav(page);
    await screenshot(page, 'privacy-consents-panel-en');

    await page.getByTestId('consents-table').locator('tbody tr').filter({ hasText: 'Rossi Mario' }).click();
    const drawerEn = page.getByRole('dialog', { name: 'Consents — Rossi Mario' });
    await drawerEn.getByRole('button', { name: 'Record consent to Reminders' }).click();
    const grantEn = page.getByRole('dialog', { name: 'Record consent' });
    await grantEn.getByText('had asked for no SMS', { exact: false }).waitFor();
    await settle(page);
    await screenshot(page, 'privacy-consents-grant-dialog-en');
    await grantEn.getByRole('button', { name: 'Cancel' }).click();
    await grantEn.waitFor({ state: 'detached' });

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
