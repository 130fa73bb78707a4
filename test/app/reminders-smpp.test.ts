import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type Core } from '../../src-main/app/create-core';
import { silentLogger } from '../../src-main/app/logger';
import { MemorySecretStore } from '../../src-main/app/secret-store';
import type { MessageRow } from '../../src-main/contract/messages-schemas';
import { utcToZoned } from '../../src-main/domain/time-zone';
import { waitForLink } from '../../src-main/sms/wait-for-link';
import { SmscPeer } from '../peers/smsc/smsc-peer';
import { apiCall } from '../support/api-call';
import { tempDir } from '../support/temp-dir';
import { until } from '../support/until';

/**
 * The whole reminder path against a real SMSC (Debian's Net::SMPP on loopback),
 * in real time: a reminder goes out at its due time, its receipt marks it
 * delivered, "Sì" confirms the appointment, "STOP" opts the client out and
 * cancels the reminder still to come.
 */
const ZONE = 'Europe/Rome';
const MOBILE = '+393331234567';
const MINUTE = 60_000;

let smsc: SmscPeer;
let core: Core;

beforeAll(async () => {
  smsc = await SmscPeer.start({ systemId: 'studio', password: 'giusta' });
});

afterAll(async () => {
  await smsc.stop();
});

async function officeOnTheSmsc(): Promise<Core> {
  const core = await createCore({ dataDir: join(await tempDir(), 'data'), log: silentLogger, secrets: new MemorySecretStore({}), systemTimeZone: ZONE });
  await apiCall(core, 'sms.channel.update', {
    config: {
      kind: 'smpp',
      simulator: { behaviour: 'deliver' },
      modem: null,
      smpp: { host: '127.0.0.1', port: smsc.port, systemId: 'studio', systemType: '', sourceAddr: 'Studio', tls: false, windowSize: 10, maxMessagesPerSecond: 30 },
    },
    smppPassword: 'giusta',
  });
  expect((await waitForLink(core.sms, 10_000)).state).toBe('up');
  return core;
}

/** Quiet hours far from now, whatever the time the suite runs at. */
function quietHoursAwayFromNow(): { quietFrom: string; quietTo: string } {
  const hour = utcToZoned(Date.now(), ZONE).hour;
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return { quietFrom: at(hour + 6), quietTo: at(hour + 7) };
}

async function reminders(): Promise<MessageRow[]> {
  return (await apiCall(core, 'messages.list', {})).items.sort((a, b) => a.dueAt - b.dueAt);
}

describe('reminders through a real SMSC', () => {
  it('sends at the due time, is delivered, and the client can confirm and then opt out', async () => {
    core = await officeOnTheSmsc();
    onTestFinished(() => core.dispose());
    await apiCall(core, 'settings.update', { officeName: 'Studio Rossi' });
    await apiCall(core, 'reminders.settings.update', { ...quietHoursAwayFromNow(), quietSundays: false, minLeadMinutes: 0, autoAcknowledge: false });
    await apiCall(core, 'reminders.rules.create', {
      name: '10 minuti prima',
      offsetMinutes: 10,
      templateIt: 'Gentile {first_name}, la aspettiamo alle {time} presso {office_name}. Risponda SI per confermare.',
      templateEn: 'Dear {first_name}, see you at {time} at {office_name}.',
    });
    await apiCall(core, 'reminders.rules.create', { name: '5 minuti prima', offsetMinutes: 5, templateIt: '{first_name}, a tra poco!', templateEn: '{first_name}, see you soon!' });
    const client = await apiCall(core, 'clients.create', { firstName: 'Maria', lastName: 'Bianchi', mobile: '333 123 4567', language: 'it' });

    // Due four seconds from now: the 10-minute reminder of an appointment 10 min 4 s away.
    const start = Math.ceil((Date.now() + 10 * MINUTE + 4000) / 1000) * 1000;
    await apiCall(core, 'appointments.create', { clientId: client.id, staffId: null, roomId: null, start, end: start + 30 * MINUTE, notes: 'Devitalizzazione 36', status: 'booked' });

    const [first, second] = await until(reminders, (rows) => rows.length === 2);
    expect(first).toMatchObject({ state: 'queued', dueAt: start - 10 * MINUTE, toPhone: MOBILE, kind: 'reminder' });
    expect(second).toMatchObject({ state: 'queued', dueAt: start - 5 * MINUTE });
    const local = utcToZoned(start, ZONE);
    const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
    expect(first?.body).toBe(`Gentile Maria, la aspettiamo alle ${time} presso Studio Rossi. Risponda SI per confermare.`);
    expect(first?.body).not.toContain('Devitalizzazione'); // the notes never reach an SMS
    expect((await smsc.stats()).submits).toHaveLength(0); // not before its time

    const stats = await smsc.waitFor((s) => s.submits.length === 1, 15_000);
    const submit = stats.submits[0];
    expect(submit).toMatchObject({ destination_addr: '393331234567', data_coding: 0, registered_delivery: 1 });
    expect((submit?.at ?? 0) * 1000).toBeGreaterThanOrEqual(start - 10 * MINUTE - 1000); // the SMSC's clock has whole seconds

    const submitted = await until(reminders, (rows) => rows[0]?.state === 'submitted');
    expect(submitted[0]?.attempts).toBe(1);
    await smsc.receipt(submit?.message_id ?? '', 'DELIVRD', 'asis');
    const delivered = await until(reminders, (rows) => rows[0]?.state === 'delivered');
    expect(delivered[0]?.deliveredAt).not.toBeNull();
    const timeline = await apiCall(core, 'messages.timeline', { id: first?.id ?? 0 });
    expect(timeline.events.map((e) => e.toState)).toEqual(['queued', 'sending', 'submitted', 'delivered']);

    // "Sì, grazie" in GSM-7 (ì is 0x07): the appointment is confirmed.
    await smsc.deliver('393331234567', 1, 0, 0, Buffer.from('53072c206772617a6965', 'hex'));
    const appointment = await until(
      async () => (await apiCall(core, 'appointments.list', { from: start - MINUTE, to: start + MINUTE })).items[0],
      (item) => item?.status === 'confirmed',
    );
    expect(appointment?.client.id).toBe(client.id);
    const inbox = await apiCall(core, 'inbox.list', {});
    expect(inbox.items[0]).toMatchObject({ body: 'Sì, grazie', interpretation: 'confirm', clientId: client.id, appointmentStatus: 'confirmed' });
    expect(inbox.items[0]?.handledAt).not.toBeNull();

    // "STOP": opted out, recorded in the consent ledger, and the 5-minute reminder is cancelled.
    await smsc.deliver('393331234567', 1, 0, 0, Buffer.from('STOP', 'latin1'));
    const after = await until(reminders, (rows) => rows[1]?.state === 'cancelled');
    expect(after[1]?.error).toBe('the client does not want SMS reminders');
    const page = await apiCall(core, 'clients.get', { id: client.id });
    expect(page.client.smsOptOut).toBe(true);
    expect(page.consents).toEqual([expect.objectContaining({ purpose: 'reminders', granted: false, method: 'sms_keyword' })]);
    // Nothing else ever went out.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await smsc.stats()).submits).toHaveLength(1);
  });
});
