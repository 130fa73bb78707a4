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

async function heading(page: Page): Promise<string> {
  return (await page.getByRole('main').getByRole('heading', { level: 1 }).textContent()) ?? '';
}

async function expectHeading(page: Page, text: string): Promise<void> {
  await page.getByRole('main').getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
  expect(await heading(page)).toBe(text);
}

describe('the app shell in a browser (demo office)', () => {
  let app: RunningWebApp;

  beforeAll(async () => {
    app = await startWebApp({ demo: true });
  });

  afterAll(async () => {
    await app.stop();
  });

  it('renders in Italian on an Italian computer, navigates every section, and switches language', async () => {
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT' });
    // The session token is moved out of the address bar once read.
    await expectHeading(page, 'Calendario');
    expect(page.url()).not.toContain('token=');
    await expect(page.getByTestId('office-name').textContent()).resolves.toContain('Studio Dentistico Sorriso');
    await page.getByText('Simulatore — nessun SMS esce da questo computer').first().waitFor();
    // The demo office has appointments this week or next: the agenda or its hint is shown.
    await screenshot(page, 'calendar-it');

    const sections: [string, string][] = [
      ['Pazienti', 'clients-it'],
      ['Messaggi', 'messages-it'],
      ['Promemoria SMS', 'reminders-it'],
      ['Privacy', 'privacy-it'],
      ['Impostazioni', 'settings-it'],
    ];
    for (const [name, shot] of sections) {
      await page.getByRole('link', { name, exact: true }).click();
      await expectHeading(page, name);
      await screenshot(page, shot);
    }

    await page.getByRole('link', { name: 'Pazienti', exact: true }).click();
    const search = page.getByRole('searchbox', { name: 'Cerca pazienti' });
    await search.fill('ross');
    await page.getByRole('main').getByRole('cell', { name: /^Ross/ }).first().waitFor();
    const lastNames = await page.getByRole('main').locator('tbody tr td:first-child').allTextContents();
    expect(lastNames.length).toBeGreaterThan(0);
    for (const name of lastNames) expect(name.toLowerCase()).toMatch(/^ross/);
    await screenshot(page, 'clients-search-it');

    // The language switch changes the visible texts at once, and is remembered.
    await page.getByRole('radiogroup', { name: 'Lingua' }).getByRole('radio', { name: 'EN' }).check();
    await expectHeading(page, 'Patients');
    for (const name of ['Calendar', 'Patients', 'Messages', 'Reminders', 'Privacy', 'Settings']) {
      await page.getByRole('link', { name, exact: true }).waitFor();
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('Simulator — no SMS leaves this computer').first().waitFor();
    await screenshot(page, 'clients-en');

    await page.reload();
    await expectHeading(page, 'Patients');

    // Keyboard: Alt+1 goes to the calendar, Alt+6 to settings.
    await page.keyboard.press('Alt+1');
    await expectHeading(page, 'Calendar');
    await screenshot(page, 'calendar-en');
    await page.keyboard.press('Alt+6');
    await expectHeading(page, 'Settings');
    await screenshot(page, 'settings-en');

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the app shell in a browser (new office)', () => {
  let app: RunningWebApp;

  beforeAll(async () => {
    app = await startWebApp();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('follows an English computer, shows empty states, and words itself for a law firm', async () => {
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'en-US' });
    await expectHeading(page, 'Calendar');
    await page.getByText('No appointments this week').waitFor();
    await screenshot(page, 'new-office-calendar-en');

    await page.getByRole('link', { name: 'Patients', exact: true }).click();
    await page.getByText('No patients yet').waitFor();
    await screenshot(page, 'new-office-clients-en');

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await expectHeading(page, 'Settings');
    await page.getByRole('textbox', { name: 'Office name' }).fill('Studio Legale Verdi');
    await page.getByRole('combobox', { name: 'Type of office' }).click();
    await page.getByRole('option', { name: 'Law firm' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Settings saved').waitFor();
    // The wording follows the office type everywhere: clients, not patients.
    await page.getByRole('link', { name: 'Clients', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Patients', exact: true }).count()).toBe(0);
    await expect(page.getByTestId('office-name').textContent()).resolves.toContain('Studio Legale Verdi');
    await screenshot(page, 'new-office-settings-legal-en');

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('explains what to do when opened without the session link', async () => {
    const { page } = await openPage(browser, app.url.replace(/\?token=.*$/, ''), { locale: 'it-IT' });
    await page.getByText('npm run web').first().waitFor();
    await screenshot(page, 'no-token');
    await page.context().close();
  });
});
