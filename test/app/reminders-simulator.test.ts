import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { silentLogger } from '../../src-main/app/logger';
import { utcToZoned } from '../../src-main/domain/time-zone';
import { apiCall } from '../support/api-call';
import { tempDir } from '../support/temp-dir';
import { until } from '../support/until';

const ZONE = 'Europe/Rome';
const MINUTE = 60_000;

describe('a new office on the simulator', () => {
  it('sends a due reminder, reports it delivered, and takes a simulated "Sì" as a confirmation', async () => {
    const core = await createCore({ dataDir: join(await tempDir(), 'data'), log: silentLogger, systemTimeZone: ZONE });
    onTestFinished(() => core.dispose());
    const hour = utcToZoned(Date.now(), ZONE).hour;
    const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
    await apiCall(core, 'reminders.settings.update', { quietFrom: at(hour + 6), quietTo: at(hour + 7), quietSundays: false, minLeadMinutes: 0, autoAcknowledge: true });
    await apiCall(core, 'reminders.rules.create', { name: 'Mezz\'ora prima', offsetMinutes: 30, templateIt: 'Gentile {first_name}, a tra poco alle {time}.', templateEn: 'Dear {first_name}, see you at {time}.' });
    const client = await apiCall(core, 'clients.create', { firstName: 'John', lastName: 'Smith', mobile: '+447911123456', language: 'en' });
    const start = Date.now() + 30 * MINUTE + 500;
    await apiCall(core, 'appointments.create', { clientId: client.id, staffId: null, roomId: null, start, end: start + 30 * MINUTE, notes: '', status: 'booked' });

    const delivered = await until(() => apiCall(core, 'messages.list', {}), ({ items }) => items[0]?.state === 'delivered');
    expect(delivered.items[0]?.body).toMatch(/^Dear John, see you at \d\d:\d\d\.$/);
    expect(delivered.items[0]?.kind).toBe('reminder');

    await apiCall(core, 'sms.simulator.reply', { from: '+447911123456', text: 'yes' });
    const confirmed = await until(
      () => apiCall(core, 'appointments.list', { from: start - MINUTE, to: start + MINUTE }),
      ({ items }) => items[0]?.status === 'confirmed',
    );
    expect(confirmed.items[0]?.client.id).toBe(client.id);
    // The acknowledgement goes out in the client's language, and is delivered too.
    const ack = await until(
      () => apiCall(core, 'messages.list', { states: ['delivered'] }),
      ({ items }) => items.some((m) => m.kind === 'reply_ack'),
    );
    expect(ack.items.find((m) => m.kind === 'reply_ack')?.body).toBe('Thank you, your appointment is confirmed.');
  });

  it('refuses to simulate a reply on a real channel', async () => {
    const core = await createCore({ dataDir: join(await tempDir(), 'data'), log: silentLogger, systemTimeZone: ZONE, startSms: false });
    onTestFinished(() => core.dispose());
    await expect(apiCall(core, 'sms.simulator.reply', { from: '+447911123456', text: 'yes' })).rejects.toThrow(/CONFLICT/);
  });
});
