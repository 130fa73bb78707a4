import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { callApi } from './calendar-grid';
import { launchBrowser, openPage, screenshot, startWebApp, type RunningWebApp } from './web-app';

let browser: Browser;
let app: RunningWebApp | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

afterEach(async () => {
  await app?.stop();
  app = undefined;
});

async function expectHeading(page: Page, text: string): Promise<void> {
  await page.getByRole('main').getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}

async function activeLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active instanceof HTMLInputElement) return active.labels?.[0]?.textContent ?? '';
    return active?.textContent ?? '';
  });
}

describe('the first-run wizard in a browser', () => {
  it('welcomes a new Italian office, is driven with the keyboard, and never shows again', async () => {
    app = await startWebApp({ firstRun: true });
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT', timezoneId: 'Europe/Rome' });
    const wizard = page.getByTestId('welcome-wizard');
    await wizard.getByRole('heading', { name: 'Benvenuto in Promemoria' }).waitFor();
    // The office name has the focus: type, then Enter goes on.
    await expect.poll(() => activeLabel(page)).toContain('Nome dello studio');
    await page.keyboard.press('Enter');
    await wizard.getByText('Scrivi il nome dello studio').waitFor();
    await page.keyboard.type('Studio Dentistico Sorriso');
    await wizard.getByRole('textbox', { name: /Telefono dello studio/ }).fill('+39 06 1234 5678');
    // This computer's clock says UTC; the office is in Rome.
    await wizard.getByRole('combobox', { name: /Fuso orario/ }).fill('Europe/Rom');
    await page.getByRole('option', { name: 'Europe/Rome' }).click();
    await screenshot(page, 'first-run-office-it');
    await wizard.getByRole('textbox', { name: /Telefono dello studio/ }).press('Enter');

    // SMS: the simulator, said plainly; Next has the focus.
    await wizard.getByText('Simulatore (scelto)').waitFor();
    await wizard.getByText('Nessun SMS esce da questo computer', { exact: false }).waitFor();
    await wizard.getByText('Impostazioni → Canale SMS', { exact: false }).waitFor();
    await screenshot(page, 'first-run-sms-it');
    await expect.poll(() => activeLabel(page)).toBe('Avanti');
    await page.keyboard.press('Enter');

    // A first rule: the first suggestion ticked, its Italian text previewed with the office's name.
    await wizard.getByRole('checkbox', { name: '2 giorni prima' }).waitFor();
    expect(await wizard.getByRole('checkbox', { name: '2 giorni prima' }).isChecked()).toBe(true);
    expect(await wizard.getByRole('checkbox', { name: '2 ore prima' }).isChecked()).toBe(false);
    await expect.poll(() => wizard.getByTestId('preview-text').textContent()).toMatch(/^Gentile .*presso Studio Dentistico Sorriso\. Risponda SI/);
    await screenshot(page, 'first-run-reminders-it');
    await expect.poll(() => activeLabel(page)).toBe('Avanti');
    await page.keyboard.press('Enter');

    // An optional import, then into the app.
    await wizard.getByRole('button', { name: 'Importa un file CSV…' }).waitFor();
    await screenshot(page, 'first-run-import-it');
    await wizard.getByRole('button', { name: 'Inizia a usare Promemoria' }).click();
    await expectHeading(page, 'Calendario');
    await expect(page.getByTestId('office-name').textContent()).resolves.toContain('Studio Dentistico Sorriso');

    const settings = await callApi(app.url, 'settings.get', {});
    expect(settings).toMatchObject({ officeName: 'Studio Dentistico Sorriso', officeType: 'dental', language: 'it', timeZone: 'Europe/Rome' });
    const rules = await callApi(app.url, 'reminders.rules.list', {});
    expect(rules.items.map((rule) => rule.offsetMinutes)).toEqual([2 * 24 * 60]);
    expect(await callApi(app.url, 'setup.status', {})).toEqual({ needed: false });

    await page.reload();
    await expectHeading(page, 'Calendario');
    expect(await page.getByTestId('welcome-wizard').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('follows an English computer, words itself for a law firm, and can be skipped for good', async () => {
    app = await startWebApp({ firstRun: true });
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'en-US' });
    const wizard = page.getByTestId('welcome-wizard');
    await wizard.getByRole('heading', { name: 'Welcome to Promemoria' }).waitFor();
    await wizard.getByRole('textbox', { name: /Office name/ }).fill('Studio Legale Verdi');
    await wizard.getByTestId('welcome-office-type').getByText('Law firm').click();
    await screenshot(page, 'first-run-office-en');
    await wizard.getByRole('button', { name: 'Next' }).click();

    await wizard.getByText('Simulator (selected)').waitFor();
    await wizard.getByText('No SMS leaves this computer', { exact: false }).waitFor();
    await screenshot(page, 'first-run-sms-en');
    await wizard.getByRole('button', { name: 'Next' }).click();

    await wizard.getByRole('checkbox', { name: '2 days before' }).waitFor();
    await wizard.getByText('Italian text').waitFor();
    await screenshot(page, 'first-run-reminders-en');
    // Nothing ticked: no rule is created.
    await wizard.getByRole('checkbox', { name: '2 days before' }).uncheck();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByText('Your clients').waitFor();
    await screenshot(page, 'first-run-import-en');

    await wizard.getByRole('button', { name: 'Skip setup' }).click();
    await expectHeading(page, 'Calendar');
    await page.getByRole('link', { name: 'Clients', exact: true }).waitFor();
    expect((await callApi(app.url, 'reminders.rules.list', {})).items).toEqual([]);
    expect(await callApi(app.url, 'settings.get', {})).toMatchObject({ officeName: 'Studio Legale Verdi', officeType: 'legal', language: 'en' });

    await page.reload();
    await expectHeading(page, 'Calendar');
    expect(await page.getByTestId('welcome-wizard').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('skipped on the first step, leaves the office as it was and opens the app', async () => {
    app = await startWebApp({ firstRun: true });
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT' });
    await page.getByTestId('welcome-skip').click();
    await expectHeading(page, 'Calendario');
    expect(await callApi(app.url, 'settings.get', {})).toMatchObject({ officeName: '', language: null });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('does not show in the demo office', async () => {
    app = await startWebApp({ demo: true, firstRun: true });
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT' });
    await expectHeading(page, 'Calendario');
    expect(await page.getByTestId('welcome-wizard').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
