import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SmscPeer } from '../peers/smsc/smsc-peer';
import { launchBrowser, screenshot, startWebApp, type RunningWebApp } from './web-app';

const PASSWORD = 'Pw-for-e2e-7781';

let browser: Browser;
let app: RunningWebApp;
let smsc: SmscPeer;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startWebApp();
  smsc = await SmscPeer.start({ systemId: 'studio', password: PASSWORD });
});

afterAll(async () => {
  await smsc.stop();
  await app.stop();
  await browser.close();
});

describe('Settings → SMS channel in a browser', () => {
  it('sends a test SMS on the simulator, then sets up an SMPP account and sends through a real SMSC, never showing the password', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const status = page.getByTestId('sms-channel-status');
    await status.getByText('Connected', { exact: true }).waitFor();

    await page.getByRole('textbox', { name: 'To (international number)' }).fill('+39 333 123 4567');
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByRole('status').filter({ hasText: /Submitted: SIM-\d+/ }).waitFor();
    await screenshot(page, 'sms-channel-simulator-en');

    await page.getByText('SMPP account', { exact: true }).click();
    // Web mode keeps the password in a file this OS user can read: the form says it is less safe than the key store.
    await page.getByTestId('secret-storage-warning').getByText(/less safe than the key store/).waitFor();
    await page.getByRole('textbox', { name: 'Server' }).fill('127.0.0.1');
    // Port 1 on loopback: nothing listens, so the link must come up "not connected" with a reason.
    await page.getByRole('textbox', { name: 'Port' }).fill('1');
    await page.getByRole('textbox', { name: 'System ID (user name)' }).fill('studio');
    const password = page.locator('input[type="password"]');
    await password.fill(PASSWORD);
    await page.getByRole('button', { name: 'Save and connect' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    await status.getByText('Not connected', { exact: true }).waitFor();
    await page.getByText('SMS: SMPP account not working').waitFor();
    await screenshot(page, 'sms-channel-smpp-down-en');

    await page.reload();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await password.waitFor();
    expect(await password.getAttribute('placeholder')).toMatch(/^Saved/);
    expect(await password.inputValue()).toBe('');
    expect(await page.content()).not.toContain(PASSWORD);

    // Point it at a real SMSC on loopback: test first (stored password), then save and send.
    await page.getByRole('textbox', { name: 'Port' }).fill(String(smsc.port));
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('Connection works').waitFor();
    await page.getByText(`Bound to 127.0.0.1:${smsc.port} as studio`).first().waitFor();
    await screenshot(page, 'sms-channel-smpp-test-en');
    await page.getByRole('button', { name: 'Save and connect' }).click();
    await status.getByText('Connected', { exact: true }).waitFor();
    await page.getByText('SMS via SMPP account').waitFor();
    await page.getByRole('textbox', { name: 'To (international number)' }).fill('+39 333 123 4567');
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByRole('status').filter({ hasText: /Submitted: \w+/ }).last().waitFor();
    const seen = await smsc.waitFor((stats) => stats.submits.length > 0);
    expect(seen.submits[0]).toMatchObject({ destination_addr: '393331234567', data_coding: 0 });
    await screenshot(page, 'sms-channel-smpp-up-en');
    expect(await page.content()).not.toContain(PASSWORD);
    await context.close();
  });
});
