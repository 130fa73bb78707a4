import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { utcToZoned } from '../../src-main/domain/time-zone';
import { SmscPeer } from '../peers/smsc/smsc-peer';
import { callApi } from './calendar-grid';
import { launchBrowser, openPage, screenshot, startWebApp, type RunningWebApp } from './web-app';

const ROME = 'Europe/Rome';
const MINUTE = 60_000;

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

/** "162 characters · 2 SMS segments ·" → 2 */
async function segmentsIn(stats: Locator): Promise<number> {
  const text = (await stats.textContent()) ?? '';
  const match = /· (\d+) SMS/.exec(text);
  if (!match) throw new Error(`no segment count in "${text}"`);
  return Number(match[1]);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Sending hours that leave now alone: the quiet hour is half a day away, no minimum notice. */
async function sendingHoursAwayFromNow(url: string): Promise<void> {
  const quiet = utcToZoned(Date.now() + 12 * 3600_000, ROME);
  await callApi(url, 'reminders.settings.update', {
    quietFrom: `${pad(quiet.hour)}:${pad(quiet.minute)}`,
    quietTo: `${pad((quiet.hour + 1) % 24)}:${pad(quiet.minute)}`,
    quietSundays: false,
    minLeadMinutes: 0,
    autoAcknowledge: false,
  });
}

/** A rule 10 minutes before, a patient, and an appointment 10 minutes from now: its reminder is due at once. */
async function reminderDueNow(url: string): Promise<{ clientId: number; start: number }> {
  await callApi(url, 'reminders.rules.create', {
    name: '10 minuti prima',
    offsetMinutes: 10,
    templateIt: 'Gentile {first_name}, la aspettiamo alle {time} presso {office_name}.',
    templateEn: 'Dear {first_name}, we expect you at {time} at {office_name}.',
  });
  const client = await callApi(url, 'clients.create', { lastName: 'Rossi', firstName: 'Maria', mobile: '+39 333 123 4567', language: 'it' });
  const start = Math.floor((Date.now() + 10 * MINUTE) / MINUTE) * MINUTE;
  await callApi(url, 'appointments.create', { clientId: client.id, staffId: null, roomId: null, start, end: start + 30 * MINUTE, confirmConflicts: true });
  return { clientId: client.id, start };
}

describe('Reminders in a new office: suggested rules and the template editor', () => {
  let app: RunningWebApp;

  beforeAll(async () => {
    app = await startWebApp();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('starts from the suggested rules, and the live preview counts segments and warns of UCS-2, unknown placeholders and health details', async () => {
    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT' });
    await page.getByRole('link', { name: 'Promemoria SMS', exact: true }).click();
    await awayFromNav(page);
    const empty = page.getByTestId('reminders-empty');
    await empty.getByText('Ancora nessuna regola di promemoria').waitFor();
    await page.getByTestId('sending-hours').getByRole('textbox', { name: 'Silenzio dalle' }).waitFor();
    await screenshot(page, 'reminders-empty-it');

    await empty.getByRole('button', { name: 'Usa le regole suggerite' }).click();
    const rules = page.getByTestId('rules-table');
    await rules.getByRole('cell', { name: '2 giorni prima', exact: true }).waitFor();
    await rules.getByRole('cell', { name: '2 ore prima', exact: true }).waitFor();
    expect((await callApi(app.url, 'reminders.rules.list', {})).items.map((rule) => [rule.offsetMinutes, rule.active])).toEqual([
      [2880, true],
      [120, true],
    ]);
    await screenshot(page, 'reminders-rules-it');

    // The switch turns a rule off and on without opening it.
    const second = page.getByRole('switch', { name: 'Regola «2 ore prima / 2 hours before» attiva' });
    await second.uncheck({ force: true });
    await expect.poll(async () => (await callApi(app.url, 'reminders.rules.list', {})).items[1]?.active).toBe(false);
    await second.check({ force: true });
    await expect.poll(async () => (await callApi(app.url, 'reminders.rules.list', {})).items[1]?.active).toBe(true);

    // Edit the first rule's Italian text: plain GSM-7 first.
    await rules.getByRole('button', { name: 'Modifica la regola «2 giorni prima / 2 days before»' }).click();
    const dialog = page.getByRole('dialog', { name: 'Regola di promemoria' });
    await dialog.waitFor();
    const preview = dialog.getByTestId('template-preview');
    const stats = preview.getByTestId('preview-stats');
    await expect.poll(() => preview.getByTestId('preview-encoding').textContent()).toBe('GSM-7');
    await preview.getByText('Compilata con dati di esempio', { exact: false }).waitFor();
    const gsmSegments = await segmentsIn(stats);
    expect(await preview.getByTestId('preview-ucs2').count()).toBe(0);

    // A typographic apostrophe and an emoji switch the message to UCS-2: more segments, and a warning naming them.
    const textarea = dialog.getByRole('textbox', { name: 'Testo in italiano' });
    await textarea.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' A presto, l’équipe 😀');
    await expect.poll(() => preview.getByTestId('preview-encoding').textContent()).toBe('UCS-2');
    const warning = preview.getByTestId('preview-ucs2');
    await warning.getByText('Questi caratteri fanno passare il messaggio a UCS-2', { exact: false }).waitFor();
    await expect(warning.textContent()).resolves.toContain('’');
    await expect(warning.textContent()).resolves.toContain('😀');
    expect(await segmentsIn(stats)).toBeGreaterThan(gsmSegments);
    await expect(preview.getByTestId('preview-text').textContent()).resolves.toContain('A presto, l’équipe 😀');

    // A placeholder button inserts at the caret.
    await dialog.getByRole('button', { name: 'Telefono dello studio' }).click();
    await expect(textarea.inputValue()).resolves.toMatch(/😀 \{office_phone\}$/);
    await settle(page);
    await screenshot(page, 'reminders-editor-ucs2-it');

    await dialog.getByRole('button', { name: 'Salva', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const [saved] = (await callApi(app.url, 'reminders.rules.list', {})).items;
    expect(saved?.templateIt).toMatch(/A presto, l’équipe 😀 \{office_phone\}$/);

    // The same in English: the header switch changes every text at once.
    await page.getByRole('radiogroup', { name: 'Lingua' }).getByRole('radio', { name: 'EN' }).check();
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'Reminders' }).waitFor();
    await rules.getByRole('cell', { name: '2 days before', exact: true }).waitFor();
    await screenshot(page, 'reminders-rules-en');

    await rules.getByRole('button', { name: 'Edit the rule “2 giorni prima / 2 days before”' }).click();
    const dialogEn = page.getByRole('dialog', { name: 'Reminder rule' });
    await dialogEn.waitFor();
    await dialogEn.getByRole('tab', { name: 'Italiano' }).click();
    const previewEn = dialogEn.getByTestId('template-preview');
    await previewEn.getByTestId('preview-ucs2').getByText('These characters switch the message to UCS-2', { exact: false }).waitFor();
    await expect(previewEn.getByTestId('preview-stats').textContent()).resolves.toMatch(/\d+ characters · \d+ SMS segments/);
    await settle(page);
    await screenshot(page, 'reminders-editor-ucs2-en');

    // Braces that are not placeholders, and words about health, are flagged in the English text.
    await dialogEn.getByRole('tab', { name: 'English' }).click();
    const english = dialogEn.getByRole('textbox', { name: 'Text in English' });
    await english.fill('Dear {nome}, your tooth extraction is on {date} at {time}.');
    await previewEn.getByTestId('preview-unknown').getByText('{nome}').waitFor();
    await previewEn.getByTestId('preview-sensitive').getByText('extraction').waitFor();
    await expect(previewEn.getByTestId('preview-encoding').textContent()).resolves.toBe('GSM-7');
    await settle(page);
    await screenshot(page, 'reminders-editor-warnings-en');
    await dialogEn.getByRole('button', { name: 'Cancel' }).click();
    await dialogEn.waitFor({ state: 'detached' });

    // Deleting a rule asks first and says how many pending reminders went with it.
    await rules.getByRole('button', { name: 'Delete the rule “2 ore prima / 2 hours before”' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete rule' });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByTestId('rules-notice').getByText('no pending reminder had to be cancelled', { exact: false }).waitFor();
    expect((await callApi(app.url, 'reminders.rules.list', {})).items).toHaveLength(1);

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('Messages and the dispatch status line: a reminder goes from queued to delivered', () => {
  let app: RunningWebApp;

  beforeAll(async () => {
    app = await startWebApp();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('holds a due reminder while paused, sends it on resume, and shows its timeline (office in Rome, computer in Tokyo)', async () => {
    await callApi(app.url, 'settings.update', { timeZone: ROME, officeName: 'Studio Dentistico Sorriso', officeType: 'dental', language: 'it' });
    await sendingHoursAwayFromNow(app.url);

    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'it-IT', timezoneId: 'Asia/Tokyo' });
    const status = page.getByTestId('dispatch-status');
    await status.getByText('0 in coda').waitFor();

    // Pause from the status line: it says so, and the core remembers.
    await status.getByRole('button', { name: 'Pausa' }).click();
    await status.getByTestId('dispatch-paused').getByText('In pausa').waitFor();
    expect((await callApi(app.url, 'dispatch.status', {})).paused).toBe(true);

    await page.getByRole('link', { name: 'Messaggi', exact: true }).click();
    await page.getByTestId('outbox-empty').getByText('Ancora nessun messaggio').waitFor();
    await awayFromNav(page);
    await screenshot(page, 'messages-empty-it');

    // A rule 10 minutes before, a patient, and an appointment 10 minutes from now: the reminder is due at once.
    const reminded = await reminderDueNow(app.url);

    const table = page.getByTestId('outbox-table');
    const row = table.locator('tbody tr').filter({ hasText: 'Rossi Maria' });
    await row.and(page.locator('[data-state="queued"]')).waitFor();
    await row.getByText('In coda', { exact: true }).waitFor();
    await status.getByTestId('dispatch-queued').getByText('1 in coda').waitFor();
    const [queued] = (await callApi(app.url, 'messages.list', {})).items;
    expect(queued).toMatchObject({ state: 'queued', clientName: 'Rossi Maria', toPhone: '+393331234567' });
    // The due time is Rome's, although this computer's clock is in Tokyo.
    const due = utcToZoned(queued?.dueAt ?? 0, ROME);
    await row.getByRole('cell', { name: `${pad(due.hour)}:${pad(due.minute)}`, exact: true }).waitFor();
    await expect(row.textContent()).resolves.toContain('Gentile Maria, la aspettiamo alle');
    await page.getByTestId('messages-totals').getByText('Da inviare').waitFor();
    await screenshot(page, 'messages-queued-paused-it');

    // By hand, from its drawer: not sent after all, then queued again.
    await row.click();
    const drawer = page.getByRole('dialog', { name: 'Messaggio a Rossi Maria' });
    const detail = drawer.getByTestId('message-detail');
    await detail.and(page.locator('[data-state="queued"]')).waitFor();
    await drawer.getByRole('button', { name: 'Non inviare' }).click();
    await detail.and(page.locator('[data-state="cancelled"]')).waitFor();
    await row.and(page.locator('[data-state="cancelled"]')).waitFor();
    await drawer.getByRole('button', { name: 'Riprova' }).click();
    await detail.and(page.locator('[data-state="queued"]')).waitFor();
    await drawer.getByRole('button', { name: 'Invia ora' }).waitFor();
    await settle(page);
    await screenshot(page, 'messages-drawer-queued-it');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await row.and(page.locator('[data-state="queued"]')).waitFor();

    // Resume from the status line: the simulator accepts it and reports delivery a moment later.
    await status.getByRole('button', { name: 'Riprendi' }).click();
    await status.getByTestId('dispatch-paused').waitFor({ state: 'detached' });
    await row.and(page.locator('[data-state="delivered"]')).waitFor({ timeout: 20_000 });
    await row.getByText('Consegnato', { exact: true }).waitFor();
    await status.getByTestId('dispatch-queued').getByText('0 in coda').waitFor();
    expect((await callApi(app.url, 'dispatch.status', {})).paused).toBe(false);

    // Its timeline: planned, claimed, handed to the channel, delivered.
    await row.click();
    await drawer.waitFor();
    const timeline = drawer.getByTestId('message-timeline');
    await timeline.getByText('Pianificato: In coda').waitFor();
    await timeline.getByText('In coda → Annullato').waitFor();
    await timeline.getByText('Annullato → In coda').waitFor();
    await timeline.getByText('In coda → In invio').waitFor();
    await timeline.getByText('Inviato → Consegnato').waitFor();
    await expect(drawer.getByTestId('message-body').textContent()).resolves.toMatch(/^Gentile Maria, la aspettiamo alle \d\d:\d\d presso Studio Dentistico Sorriso\.$/);
    await drawer.getByText('1 SMS', { exact: false }).first().waitFor();
    // A delivered message offers no action.
    expect(await drawer.getByRole('button', { name: /Invia ora|Non inviare|Riprova/ }).count()).toBe(0);
    await settle(page);
    await screenshot(page, 'messages-timeline-it');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // The filters: nothing failed today, one delivered.
    await page.getByTestId('outbox-state-filter').getByText('Non riusciti').click();
    await page.getByText('Nessun messaggio corrisponde ai filtri').waitFor();
    await page.getByTestId('outbox-state-filter').getByText('Consegnati').click();
    await row.waitFor();
    // Days are the office's (Rome), whatever this computer's clock says.
    const period = page.getByRole('combobox', { name: 'Previsti' });
    await period.click();
    await page.getByRole('option', { name: 'Ieri' }).click();
    await page.getByText('Nessun messaggio corrisponde ai filtri').waitFor();
    await period.click();
    await page.getByRole('option', { name: 'Scegli i giorni…' }).click();
    await page.getByRole('textbox', { name: 'Dal' }).waitFor();
    await row.waitFor();
    await period.click();
    await page.getByRole('option', { name: 'Oggi' }).click();
    await row.waitFor();
    await page.getByRole('tab', { name: /Risposte/ }).click();
    await page.getByTestId('inbox-empty').getByText('Nessuna risposta da gestire').waitFor();
    // On the simulator a reply can be played: "Sì" from the client's phone confirms the appointment.
    await page.getByTestId('simulate-reply').click();
    await page.getByRole('textbox', { name: /^Da/ }).fill('+39 333 123 4567');
    await page.getByRole('button', { name: 'Ricevi' }).click();
    await page.getByRole('button', { name: 'Ricevi' }).waitFor({ state: 'detached' });
    await page.getByRole('switch', { name: 'Solo risposte da gestire' }).uncheck();
    await page.getByTestId('inbox-table').getByText('Sì', { exact: true }).waitFor();
    await expect
      .poll(async () => (await callApi(app.url, 'appointments.list', { from: reminded.start - 60_000, to: reminded.start + 60_000 })).items[0]?.status)
      .toBe('confirmed');
    await page.getByRole('switch', { name: 'Solo risposte da gestire' }).and(page.locator(':not(:checked)')).waitFor();
    await screenshot(page, 'messages-simulated-reply-it');
    await page.getByRole('tab', { name: /In uscita e storico/ }).click();
    await row.waitFor();

    // English, and a narrower window: the status line still fits in the header.
    await page.getByRole('radiogroup', { name: 'Lingua' }).getByRole('radio', { name: 'EN' }).check();
    await status.getByText('0 queued').waitFor();
    await row.getByText('Delivered', { exact: true }).waitFor();
    await page.setViewportSize({ width: 1100, height: 760 });
    await screenshot(page, 'messages-delivered-en');

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('Replies through a real SMSC: the inbox', () => {
  const PASSWORD = 'Pw-for-e2e-5512';
  let app: RunningWebApp;
  let smsc: SmscPeer;

  beforeAll(async () => {
    smsc = await SmscPeer.start({ systemId: 'studio', password: PASSWORD });
    app = await startWebApp();
  });

  afterAll(async () => {
    await app.stop();
    await smsc.stop();
  });

  it('shows what a reply means and which appointment it concerns, and clears it once handled', async () => {
    await callApi(app.url, 'settings.update', { timeZone: ROME, officeName: 'Studio Legale Verdi', officeType: 'legal', language: 'en' });
    await callApi(app.url, 'sms.channel.update', {
      config: {
        kind: 'smpp',
        simulator: { behaviour: 'deliver' },
        modem: null,
        smpp: { host: '127.0.0.1', port: smsc.port, systemId: 'studio', systemType: '', sourceAddr: 'Studio', tls: false, windowSize: 10, maxMessagesPerSecond: 30 },
      },
      smppPassword: PASSWORD,
    });
    await expect.poll(async () => (await callApi(app.url, 'sms.channel.status', {})).state, { timeout: 10_000 }).toBe('up');
    await sendingHoursAwayFromNow(app.url);
    const { start } = await reminderDueNow(app.url);
    await smsc.waitFor((stats) => stats.submits.length === 1, 15_000);

    const { page, consoleErrors } = await openPage(browser, app.url, { locale: 'en-GB' });
    await page.getByTestId('dispatch-status').getByText('SMS via SMPP account').waitFor();
    await page.getByRole('link', { name: 'Messages', exact: true }).click();
    await awayFromNav(page);
    await page.getByRole('tab', { name: /Replies/ }).click();
    await page.getByTestId('inbox-empty').getByText('No replies to handle').waitFor();

    // "No" asks to cancel (the office decides); a question needs reading. Both wait in the inbox.
    await smsc.deliver('393331234567', 1, 0, 0, Buffer.from('No grazie', 'latin1'));
    await smsc.deliver('393331234567', 1, 0, 0, Buffer.from('Posso venire alle 11?', 'latin1'));
    const inbox = page.getByTestId('inbox-table');
    const cancel = inbox.locator('tbody tr').filter({ hasText: 'No grazie' });
    const question = inbox.locator('tbody tr').filter({ hasText: 'Posso venire alle 11?' });
    await cancel.getByText('Asks to cancel', { exact: true }).waitFor();
    await question.getByText('Needs reading', { exact: true }).waitFor();
    await expect(cancel.textContent()).resolves.toContain('Rossi Maria');
    const local = utcToZoned(start, ROME);
    // Just the time today; with the date when the appointment falls tomorrow (a run close to midnight in Rome).
    await cancel.getByText(new RegExp(`(^|\\s)${pad(local.hour)}:${pad(local.minute)}$`)).waitFor();
    await cancel.getByText('Cancellation requested', { exact: true }).waitFor();
    await page.getByTestId('inbox-waiting').getByText('2', { exact: true }).waitFor();
    await page.getByTestId('messages-totals').locator('[data-total="replies"]').getByText('2', { exact: true }).waitFor();
    await screenshot(page, 'messages-inbox-en');

    // Handled: it leaves the list of replies to handle, and is still there with every reply.
    await question.getByRole('button', { name: 'Mark handled' }).click();
    await question.waitFor({ state: 'detached' });
    await page.getByTestId('inbox-waiting').getByText('1', { exact: true }).waitFor();
    await page.getByRole('switch', { name: 'Only replies to handle' }).uncheck({ force: true });
    await question.getByText(/^Handled /).waitFor();
    expect((await callApi(app.url, 'inbox.list', { unhandledOnly: true })).total).toBe(1);

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
