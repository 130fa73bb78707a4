import { describe, expect, it } from 'vitest';
import type { DispatchStatus } from '../../src-main/contract/messages-schemas';
import { formatWhen, trayIconPath, trayModel, type TrayInput, type TrayItem } from '../../src-main/electron/tray-model';

const ZONE = 'Europe/Rome';
// Tuesday 24 November 2026, 10:00 in Rome (09:00 UTC).
const NOW = Date.UTC(2026, 10, 24, 9, 0);

function status(overrides: Partial<DispatchStatus> = {}): DispatchStatus {
  return {
    paused: false,
    channel: { kind: 'modem', sendsRealSms: true, healthy: true, state: 'up', detail: '', signalBars: 4, operator: 'TIM' },
    queued: 3,
    nextSendAt: Date.UTC(2026, 10, 24, 13, 30),
    quietUntil: null,
    inFlight: 0,
    sendingElsewhere: null,
    ...overrides,
  };
}

function input(overrides: Partial<TrayInput> = {}): TrayInput {
  return { status: status(), language: 'en', timeZone: ZONE, now: NOW, startAtLogin: false, ...overrides };
}

const labels = (items: TrayItem[]) => items.map((item) => (item.kind === 'separator' ? '---' : item.label));
const actions = (items: TrayItem[]) => items.flatMap((item) => (item.kind === 'action' || item.kind === 'checkbox' ? [item.action] : []));

describe('trayModel', () => {
  it('shows the channel, the next reminder on the office clock, and the actions', () => {
    const model = trayModel(input());
    expect(labels(model.items)).toEqual([
      'GSM modem: connected (TIM, 4/5)',
      'Next reminder: today 14:30 (3 queued)',
      '---',
      'Open Promemoria',
      'Pause sending',
      'Start when I log in',
      '---',
      'Quit (no more SMS go out)',
    ]);
    expect(model.tooltip).toBe('Promemoria: running, sending reminders');
    expect(model.attention).toBe(false);
  });

  it('speaks Italian', () => {
    const model = trayModel(input({ language: 'it', status: status({ paused: true }) }));
    expect(labels(model.items)).toContain('Invio in pausa');
    expect(labels(model.items)).toContain('Prossimo promemoria: oggi 14:30 (3 in coda)');
    expect(labels(model.items)).toContain('Riprendi l’invio');
    expect(model.tooltip).toBe('Promemoria: Invio in pausa');
  });

  it('offers resume when paused, and flags it', () => {
    const model = trayModel(input({ status: status({ paused: true }) }));
    expect(actions(model.items)).toEqual(['open', 'resume', 'startAtLogin', 'quit']);
    expect(model.attention).toBe(true);
  });

  it('says when the channel is down, in the tooltip too', () => {
    const model = trayModel(input({ status: status({ channel: { kind: 'smpp', sendsRealSms: true, healthy: false, state: 'down', detail: '' } }) }));
    expect(labels(model.items)[0]).toBe('SMPP account: not connected');
    expect(model.tooltip).toBe('Promemoria: SMPP account: not connected');
    expect(model.attention).toBe(true);
  });

  it('labels the simulator: no SMS leaves this computer', () => {
    const model = trayModel(input({ status: status({ channel: { kind: 'simulator', sendsRealSms: false, healthy: true, state: 'up', detail: '' } }) }));
    expect(labels(model.items)[0]).toBe('Simulator: no SMS leaves this computer');
  });

  it('with nothing queued, and in quiet hours', () => {
    const model = trayModel(input({ status: status({ nextSendAt: null, queued: 0, quietUntil: Date.UTC(2026, 10, 25, 7, 0), inFlight: 2 }) }));
    expect(labels(model.items)).toEqual(expect.arrayContaining(['No reminders queued', 'Quiet hours until tomorrow 08:00', '2 sending']));
  });

  it('offers no pause while another Promemoria sends from the same folder', () => {
    const model = trayModel(input({ status: status({ sendingElsewhere: 'process 1234 on studio-pc' }) }));
    expect(actions(model.items)).toEqual(['open', 'startAtLogin', 'quit']);
    expect(labels(model.items)).toContain('Another Promemoria on this computer sends (process 1234 on studio-pc)');
  });

  it('before the first status: no pause or resume, just open and quit', () => {
    const model = trayModel(input({ status: null, startAtLogin: undefined }));
    expect(actions(model.items)).toEqual(['open', 'quit']);
    expect(model.tooltip).toBe('Promemoria: Sending status not available yet');
  });

  it('keeps the start-at-login checkbox in step with the OS', () => {
    const item = trayModel(input({ startAtLogin: true })).items.find((candidate) => candidate.kind === 'checkbox');
    expect(item).toMatchObject({ action: 'startAtLogin', checked: true });
  });

  it('keeps the tooltip within Windows’ 127 characters', () => {
    const model = trayModel(input({ status: status({ channel: { kind: 'smpp', sendsRealSms: true, healthy: false, state: 'down', detail: '', operator: 'x'.repeat(200) } }) }));
    expect(model.tooltip.length).toBeLessThanOrEqual(127);
  });
});

describe('formatWhen', () => {
  const at = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month, day, hour, minute);
  it('today, tomorrow, or the weekday and date, on the office clock', () => {
    expect(formatWhen(at(10, 24, 16, 5), { language: 'en', timeZone: ZONE, now: NOW })).toBe('today 17:05');
    expect(formatWhen(at(10, 24, 23, 30), { language: 'it', timeZone: ZONE, now: NOW })).toBe('domani 00:30');
    expect(formatWhen(at(10, 27, 8, 0), { language: 'it', timeZone: ZONE, now: NOW })).toMatch(/^ven 27\/11 09:00$/);
  });

  it('tomorrow across the spring change of the clocks (a 23-hour day)', () => {
    // Saturday 28 March 2026 23:30 in Rome; Sunday has 23 hours.
    const now = Date.UTC(2026, 2, 28, 22, 30);
    expect(formatWhen(Date.UTC(2026, 2, 29, 21, 0), { language: 'en', timeZone: ZONE, now })).toBe('tomorrow 23:00');
    expect(formatWhen(Date.UTC(2026, 2, 29, 22, 30), { language: 'en', timeZone: ZONE, now })).not.toMatch(/tomorrow/);
  });
});

describe('trayIconPath', () => {
  it('packaged: next to the resources; in the repository: assets/; macOS: the template image', () => {
    expect(trayIconPath({ packaged: true, resourcesPath: '/opt/Promemoria/resources', repoRoot: '/x', platform: 'linux' })).toBe('/opt/Promemoria/resources/tray-icon.png');
    expect(trayIconPath({ packaged: false, resourcesPath: '/r', repoRoot: '/work/main', platform: 'win32' })).toBe('/work/main/assets/tray-icon.png');
    expect(trayIconPath({ packaged: false, resourcesPath: '/r', repoRoot: '/work/main', platform: 'darwin' })).toBe('/work/main/assets/tray-iconTemplate.png');
  });
});
