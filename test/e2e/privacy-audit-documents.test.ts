import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { utcToZoned } from '../../src-main/domain/time-zone';
import { callApi } from './calendar-grid';
import { launchBrowser, openPage, screenshot, startWebApp, type RunningWebApp } from './web-app';

const ROME = 'Europe/Rome';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

/** Mantine's dialogs slide in and tables fade between loads: a screenshot waits until they settle. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(350);
}

/** The pointer leaves the navbar, whose tooltips would cover the screen's first line in screenshots. */
async function awayFromNav(page: Page): Promise<void> {
  await page.mouse.move(700, 790);
}

/** Today in Rome, as the notice's version names it. */
function romeDay(): string {
  const day = utcToZoned(Date.now(), ROME);
  return [day.year, day.month, day.day].map((part) => String(part).padStart(2, '0')).join('-');
}

/** window.print() opens a system dialog: the test counts the calls instead. */
async function stubPrint(page: Page): Promise<void> {
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed++;
    };
  });
}

describe('privacy panel in a browser: the audit log and the documents', () => {
  let app: RunningWebApp;

  beforeAll(async () => {
    app = await startWebApp();
    await callApi(app.url, 'settings.update', { timeZone: ROME, officeType: 'dental', language: 'it', officePhone: '+390612345678' });
  });

  afterAll(async () => {
    await app.stop();
  });

  it('reads the audit log after a client is added and the settings change, filters it by action and exports it', async () => {
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT' });

    // A few actions, through the screens.
    await page.getByRole('link', { name: 'Impostazioni', exact: true }).click();
    await page.getByRole('textbox', { name: 'Nome dello studio' }).fill('Studio Dentistico Sorriso');
    await page.getByRole('button', { name: 'Salva', exact: true }).first().click();
    await page.getByText('Impostazioni salvate').waitFor();

    await page.getByRole('link', { name: 'Pazienti', exact: true }).click();
    await page.getByRole('main').getByRole('button', { name: 'Nuovo paziente' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Nuovo paziente' });
    await dialog.getByRole('textbox', { name: 'Cognome' }).fill('Rossi');
    await dialog.getByRole('textbox', { name: 'Nome', exact: true }).fill('Mario');
    await dialog.getByRole('textbox', { name: 'Cellulare' }).fill('333 1234567');
    await dialog.getByRole('button', { name: 'Aggiungi paziente' }).click();
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'Rossi Mario' }).waitFor();
    await page.keyboard.press('Escape');
    await callApi(app.url, 'clients.create', { lastName: 'Bianchi', firstName: 'Anna' });

    // The log, newest first, in Italian; the patients named by a live lookup.
    await page.getByRole('link', { name: 'Privacy', exact: true }).click();
    await page.getByRole('tab', { name: 'Registro attività' }).click();
    const table = page.getByTestId('audit-table');
    await table.getByRole('link', { name: 'Bianchi Anna' }).waitFor();
    const actions = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions).toEqual(['Scheda paziente creata', 'Scheda paziente creata', 'Impostazioni modificate', 'Impostazioni modificate']);
    await table.getByRole('row', { name: /Rossi Mario/ }).waitFor();
    await table.getByText('Modificati: nome dello studio').waitFor();
    await table.getByText('Modificati: lingua, telefono dello studio, tipo di studio, fuso orario').waitFor();
    await expect.poll(() => page.getByTestId('audit-range').textContent()).toBe('1–4 di 4');
    await awayFromNav(page);
    await settle(page);
    await screenshot(page, 'privacy-audit-it');

    // Filter by action: only the settings changes are left.
    await page.getByRole('combobox', { name: 'Azione' }).click();
    await page.getByRole('option', { name: 'Impostazioni modificate' }).click();
    await expect.poll(() => page.getByTestId('audit-range').textContent()).toBe('1–2 di 2');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);

    // The CSV holds what the filters show, for Excel.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Esporta CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^registro-attivita-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFData e ora (Europe/Rome);Chi;Azione;Codice azione;Oggetto;ID oggetto;ID Paziente;Paziente;Dettagli');
    expect(lines.slice(1, -1)).toHaveLength(2);
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};Studio;Impostazioni modificate;settings\.update;settings;;;;officeName$/);
    await page.getByText('2 voci esportate in').waitFor();

    // Filter by patient: his record and nothing else.
    await page.getByRole('button', { name: 'Togli i filtri' }).click();
    await expect.poll(() => page.getByTestId('audit-range').textContent()).toBe('1–4 di 4');
    await page.getByRole('combobox', { name: 'Paziente' }).fill('ross');
    await page.getByRole('option').filter({ hasText: /^Rossi Mario/ }).first().click();
    await expect.poll(() => page.getByTestId('audit-range').textContent()).toBe('1–1 di 1');
    await table.getByRole('link', { name: 'Rossi Mario' }).waitFor();

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('shows the record of processing pre-filled, edits a part of it, prints it; edits the notice and bumps its version', async () => {
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT' });
    await page.getByRole('link', { name: 'Privacy', exact: true }).click();
    await page.getByRole('tab', { name: 'Documenti' }).click();

    // The record, pre-filled from the settings: a dental office processes health data.
    const sheet = page.getByTestId('record-sheet');
    await sheet.getByRole('heading', { level: 1, name: 'Registro delle attività di trattamento' }).waitFor();
    await expect(sheet.locator('[data-field="controller"] p').innerText()).resolves.toBe(
      'Studio Dentistico Sorriso\nTelefono: +39 06 1234 5678\nIndirizzo, codice fiscale o partita IVA, e-mail o PEC: [da completare]',
    );
    await sheet.getByText(/Dati relativi alla salute \(art\. 9 GDPR\)/).waitFor();
    await sheet.getByText(/nessun messaggio lascia il computer dello studio/).waitFor();
    await sheet.getByText('Testi degli SMS inviati e delle risposte: 24 mesi, poi cancellati automaticamente.').waitFor();
    await awayFromNav(page);
    await screenshot(page, 'privacy-record-it');

    // Edit one part: it is kept, and marked.
    await page.getByRole('button', { name: 'Modifica' }).click();
    await page.getByRole('textbox', { name: 'Responsabile della protezione dei dati (DPO)' }).fill('Dott. Paolo Neri, dpo@example.it');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByText('Registro salvato.').waitFor();
    await sheet.locator('[data-field="dpo"]').getByText('modificato').waitFor();
    await sheet.getByText('Dott. Paolo Neri, dpo@example.it').waitFor();

    // Print: a preview as on paper, then the system's print dialog (counted here).
    await stubPrint(page);
    await page.getByRole('button', { name: 'Stampa…' }).click();
    const preview = page.getByRole('dialog', { name: 'Anteprima di stampa' });
    await preview.getByRole('heading', { level: 1, name: 'Registro delle attività di trattamento' }).waitFor();
    await settle(page);
    await screenshot(page, 'privacy-record-print-preview-it');
    await preview.getByRole('button', { name: 'Stampa', exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // On paper only the document: no navigation, no dialog.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.locator('.print-root h1').textContent()).toBe('Registro delle attività di trattamento');
    await screenshot(page, 'privacy-record-printed-it');
    await page.emulateMedia({ media: 'screen' });
    await preview.getByRole('button', { name: 'Chiudi' }).click();

    // Markdown download of the record.
    await page.getByRole('button', { name: 'Scarica' }).click();
    const [record] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Markdown/ }).click()]);
    expect(record.suggestedFilename()).toMatch(/^registro-trattamenti-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = await readFile((await record.path()) ?? '', 'utf8');
    expect(markdown).toContain('# Registro delle attività di trattamento');
    expect(markdown).toContain('## Responsabile della protezione dei dati (DPO)\n\nDott. Paolo Neri, dpo@example.it');

    // The notice: the built-in template until saved.
    await page.getByTestId('document-kind').getByText('Informativa privacy').click();
    const version = page.getByTestId('notice-version');
    await version.getByText('Versione template-1').waitFor();
    await version.getByText('Modello predefinito').waitFor();
    const notice = page.getByTestId('notice-sheet');
    await notice.getByRole('heading', { level: 1, name: 'Informativa sul trattamento dei dati personali' }).waitFor();
    await notice.getByText('Studio Dentistico Sorriso, telefono +39 06 1234 5678.').waitFor();
    await awayFromNav(page);
    await screenshot(page, 'privacy-notice-it');

    await page.getByRole('button', { name: 'Modifica' }).click();
    const italian = page.getByRole('textbox', { name: 'Testo in italiano' });
    await italian.fill(`${await italian.inputValue()}\n## Videosorveglianza\n\nLo studio non usa telecamere.`);
    await settle(page);
    await screenshot(page, 'privacy-notice-edit-it');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    const today = romeDay();
    await page.getByTestId('notice-message').getByText(`Salvata come versione ${today}.`).waitFor();
    await version.getByText(`Versione ${today}`).waitFor();
    await notice.getByRole('heading', { name: 'Videosorveglianza' }).waitFor();
    // The version consents point to by default follows.
    expect((await callApi(app.url, 'privacy.notice.get', {})).version).toBe(today);

    // Saving the same text again keeps the version.
    await page.getByRole('button', { name: 'Modifica' }).click();
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByTestId('notice-message').getByText(`Nessuna modifica: resta la versione ${today}.`).waitFor();

    // A second change the same day gets a version of its own; the first is kept.
    await page.getByRole('button', { name: 'Modifica' }).click();
    await page.getByRole('tab', { name: 'Testo in inglese' }).click();
    const english = page.getByRole('textbox', { name: 'Testo in inglese' });
    await english.fill(`${await english.inputValue()}\n## CCTV\n\nThe office uses no cameras.`);
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await version.getByText(`Versione ${today}.2`).waitFor();
    await page.getByTestId('notice-previous').getByText(`Versione ${today}, salvata il`).waitFor();

    // The print view of the notice, in English.
    await page.getByTestId('document-language').getByText('English').click();
    await notice.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();
    await page.getByRole('button', { name: 'Stampa…' }).click();
    await page.getByRole('dialog', { name: 'Anteprima di stampa' }).getByRole('heading', { name: 'CCTV' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'privacy-notice-printed-en');
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');

    // Every change is in the audit log: ids and versions, never the texts.
    await page.getByRole('tab', { name: 'Registro attività' }).click();
    const table = page.getByTestId('audit-table');
    await table.getByText(`Ora versione ${today}.2 (prima ${today})`).waitFor();
    await table.getByText(`Ora versione ${today} (prima template-1)`).waitFor();
    await table.getByText('italiano: DPO').waitFor();
    expect(await table.getByText('Paolo Neri').count()).toBe(0);

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('speaks English, with a law firm’s wording', async () => {
    await callApi(app.url, 'settings.update', { language: 'en', officeType: 'legal', officeName: 'Studio Legale Verdi' });
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'en-GB' });
    await page.getByRole('link', { name: 'Privacy', exact: true }).click();
    await page.getByRole('tab', { name: 'Audit log' }).click();
    const table = page.getByTestId('audit-table');
    await table.getByText('Privacy notice changed').first().waitFor();
    await table.getByRole('row', { name: /Client added.*Rossi Mario/ }).waitFor();
    await awayFromNav(page);
    await settle(page);
    await screenshot(page, 'privacy-audit-en');

    await page.getByRole('tab', { name: 'Documents' }).click();
    const sheet = page.getByTestId('record-sheet');
    await sheet.getByRole('heading', { level: 1, name: 'Record of processing activities' }).waitFor();
    await sheet.getByText(/covered by professional secrecy/).waitFor();
    expect(await sheet.getByText(/Data concerning health/).count()).toBe(0);
    await awayFromNav(page);
    await screenshot(page, 'privacy-record-en');

    await page.getByTestId('document-kind').getByText('Privacy notice').click();
    await page.getByTestId('notice-sheet').getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();
    // The saved text still names the office as it was called: the screen says so.
    await page.getByTestId('notice-stale').getByText('“Studio Legale Verdi”', { exact: false }).waitFor();
    await awayFromNav(page);
    await screenshot(page, 'privacy-notice-en');

    // Pages of 50, newest first; the log follows what happens elsewhere while it is open.
    await page.getByRole('tab', { name: 'Audit log' }).click();
    const before = Number(/of (\d+)$/.exec((await page.getByTestId('audit-range').textContent()) ?? '')?.[1]);
    for (let i = 0; i < 50; i++) await callApi(app.url, 'clients.create', { lastName: `Cliente ${String(i + 1).padStart(2, '0')}` });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => page.getByTestId('audit-range').textContent()).toBe(`1–50 of ${String(before + 50)}`);
    await page.getByTestId('audit-table').getByRole('link', { name: 'Cliente 50' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByTestId('audit-range').textContent()).toBe(`51–${String(before + 50)} of ${String(before + 50)}`);
    await page.getByTestId('audit-table').getByRole('link', { name: 'Rossi Mario' }).waitFor();

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
