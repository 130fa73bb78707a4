import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, startWebApp, type RunningWebApp } from './web-app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

const heading = (page: Page, name: string) => page.getByRole('main').getByRole('heading', { level: 1, name, exact: true });

/**
 * What an Italian Excel saves as plain "CSV": Windows-1252, ";" between fields.
 * Line numbers of the file in the comments; four rows are bad.
 */
const EXCEL_CSV = Buffer.from(
  [
    'Cognome;Nome;Cellulare;E-mail;Lingua;Note', //                  1
    'Bianchi;Luca;347 111 2222;luca@example.it;;', //                 2
    "D\x92Angelo;Nicol\xf2;+39 320 555 0001;;it;\"Preferisce il", //  3
    'mattino"', //                                                   4
    'Verdi;Anna;06 1234 5678;;;', //                                  5  landline
    ';Paolo;349 000 1111;;;', //                                      6  no last name
    'Neri;Sara;348 765 4321;sara@;;', //                              7  bad e-mail
    'Galli;Marco;12;;;', //                                           8  too short
    'Russo;Elena;+44 7911 123456;;inglese;', //                       9
    'Conti;Pietro;333 123 4567;;;', //                                10 the mobile of Mario Rossi
  ].join('\r\n') + '\r\n',
  'latin1',
);

describe('clients in a browser (new office)', () => {
  let app: RunningWebApp;

  beforeAll(async () => {
    app = await startWebApp();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('creates a client, warns about a landline and a taken mobile, imports a CSV with bad rows and reports them', async () => {
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT' });
    await page.getByRole('link', { name: 'Pazienti', exact: true }).click();
    await page.getByText('Ancora nessun paziente').waitFor();
    await screenshot(page, 'clients-1-empty-it');

    // Create a client; the mobile is read by the core when the field is left.
    await page.getByRole('main').getByRole('button', { name: 'Nuovo paziente' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Nuovo paziente' });
    await dialog.getByRole('textbox', { name: 'Cognome' }).fill('Rossi');
    await dialog.getByRole('textbox', { name: 'Nome', exact: true }).fill('Mario');
    await dialog.getByRole('textbox', { name: 'Cellulare' }).fill('333 1234567');
    await dialog.getByRole('textbox', { name: 'E-mail' }).click();
    await dialog.getByText('Sarà salvato come +39 333 123 4567').waitFor();
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill('mario.rossi@example.it');
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Allergico alla penicillina');
    await screenshot(page, 'clients-2-form-it');
    await dialog.getByRole('button', { name: 'Aggiungi paziente' }).click();

    // The new client's page.
    await heading(page, 'Rossi Mario').waitFor();
    await page.getByText('+39 333 123 4567').waitFor();
    await page.getByText('Allergico alla penicillina').waitFor();
    await expect(page.getByTestId('no-shows').textContent()).resolves.toBe('0 assenze');
    await screenshot(page, 'clients-3-page-it');
    await page.keyboard.press('Escape');
    await heading(page, 'Pazienti').waitFor();
    await page.getByRole('row', { name: /Rossi Mario/ }).waitFor();

    // A landline is refused next to the field; a mobile someone has is a warning the user must accept.
    await page.keyboard.press('Alt+N');
    const second = page.getByRole('dialog', { name: 'Nuovo paziente' });
    await second.getByRole('textbox', { name: 'Cognome' }).fill('Rossi');
    await second.getByRole('textbox', { name: 'Nome', exact: true }).fill('Maria');
    await second.getByRole('textbox', { name: 'Cellulare' }).fill('06 1234 5678');
    await second.getByRole('textbox', { name: 'E-mail' }).click();
    await second.getByText('Numero fisso o di servizio: non può ricevere SMS').waitFor();
    await screenshot(page, 'clients-4-landline-it');
    await second.getByRole('textbox', { name: 'Cellulare' }).fill('+39 333 123 4567');
    await second.getByRole('textbox', { name: 'E-mail' }).click();
    const warning = second.getByTestId('duplicate-warning');
    await warning.getByText('Rossi Mario').waitFor();
    expect(await second.getByRole('button', { name: 'Aggiungi paziente' }).isDisabled()).toBe(true);
    await screenshot(page, 'clients-5-duplicate-it');
    await second.getByRole('button', { name: 'Annulla' }).click();

    // Import an Excel CSV with bad rows.
    await page.getByRole('button', { name: 'Importa CSV' }).click();
    const wizard = page.getByRole('dialog', { name: 'Importa pazienti da un file CSV' });
    await wizard.locator('input[type=file]').setInputFiles({ name: 'pazienti.csv', mimeType: 'text/csv', buffer: EXCEL_CSV });
    await expect(wizard.getByTestId('import-summary').textContent()).resolves.toBe(
      'pazienti.csv: 8 righe, Windows-1252, campi separati da punto e virgola.',
    );
    await wizard.getByTestId('import-mapping').getByText('D’Angelo').waitFor();
    await screenshot(page, 'clients-6-import-preview-it');
    await wizard.getByRole('button', { name: 'Importa 8 righe' }).click();

    const report = wizard.getByTestId('import-report');
    await report.waitFor();
    const rejected = await wizard.getByTestId('import-rejected').locator('tbody tr').allInnerTexts();
    expect(rejected.map((row) => row.split('\t').map((cell) => cell.trim()))).toEqual([
      ['5', 'Numero fisso o di servizio: non può ricevere SMS', '06 1234 5678'],
      ['6', 'Manca il cognome', ''],
      ['7', 'Indirizzo e-mail non valido', 'sara@'],
      ['8', 'Troppo poche cifre per un numero di telefono', '12'],
    ]);
    const skipped = await wizard.getByTestId('import-skipped').locator('tbody tr').allInnerTexts();
    expect(skipped.map((row) => row.split('\t').map((cell) => cell.trim()))).toEqual([
      ['10', 'Stesso cellulare di un paziente già in elenco', ''],
    ]);
    await screenshot(page, 'clients-7-import-report-it');
    await wizard.getByRole('button', { name: 'Chiudi' }).click();

    // The list now has the three good rows and Mario Rossi; the search finds by name and digits.
    await expect(page.getByTestId('clients-range').textContent()).resolves.toBe('1–4 di 4');
    const lastNames = await page.getByTestId('clients-table').locator('tbody tr td:first-child').allTextContents();
    expect(lastNames).toEqual(['Bianchi', 'D’Angelo', 'Rossi', 'Russo']);
    await screenshot(page, 'clients-8-list-it');
    await page.getByRole('searchbox', { name: 'Cerca pazienti' }).fill('nicolo 320');
    await page.getByTestId('clients-range').getByText('1–1 di 1').waitFor();
    await page.getByRole('searchbox', { name: 'Cerca pazienti' }).fill('');
    await page.getByTestId('clients-range').getByText('1–4 di 4').waitFor();

    // The export is the list as CSV for Excel.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Esporta CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^pazienti-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = await readFile((await download.path()) ?? '', 'utf8');
    expect(exported.startsWith('\uFEFFCognome;Nome;Cellulare;Email;Lingua;Note;No SMS\r\nBianchi;Luca;347 111 2222;')).toBe(true);
    expect(exported).toContain('Russo;Elena;00 44 7911 123456;;en;;');

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('a client page in the demo office', () => {
  let app: RunningWebApp;

  beforeAll(async () => {
    app = await startWebApp({ demo: true });
  });

  afterAll(async () => {
    await app.stop();
  });

  it("shows the client's appointments and downloads them as .ics", async () => {
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'en-US' });
    await page.getByRole('link', { name: 'Patients', exact: true }).click();
    // The keyboard way: type, Down to the first row, Enter.
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('ross');
    await page.getByTestId('clients-table').getByRole('cell', { name: /^Ross/ }).first().waitFor();
    await expect(page.getByTestId('clients-table').locator('tbody tr td:first-child').first().textContent()).resolves.toMatch(/^Ross/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText('Past appointments').waitFor();
    await page.getByRole('main').getByRole('heading', { level: 1, name: /^Ross/ }).waitFor();

    // Demo patients average three appointments; the first with any gives the .ics.
    const icsButton = page.getByRole('button', { name: 'Appointments (.ics)' });
    for (let row = 1; (await icsButton.isDisabled()) && row < 6; row++) {
      await page.keyboard.press('Escape');
      await page.getByTestId('clients-table').locator('tbody tr').nth(row).click();
      await page.getByText('Past appointments').waitFor();
    }
    await screenshot(page, 'clients-9-page-demo-en');
    const [download] = await Promise.all([page.waitForEvent('download'), icsButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^(appuntamenti|appointments)-ross.*\.ics$/);
    const ics = await readFile((await download.path()) ?? '', 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toMatch(/\r\nBEGIN:VEVENT\r\nUID:appointment-\d+-\d+@promemoria\r\nDTSTAMP:\d{8}T\d{6}Z\r\nDTSTART:\d{8}T\d{6}Z\r\n/);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
