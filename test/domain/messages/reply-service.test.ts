import { describe, expect, it, vi } from 'vitest';
import type { InboundSms } from '../../../src-main/sms/transport';
import { defaultReminderSettings } from '../../../src-main/domain/reminders/default-rules';
import { MINUTE, TEMPLATES, engineOffice, rome, type EngineOffice } from '../../support/engine-office';

const NOW = rome(3, 3, 10); // Tuesday 3 March 2026, 10:00 in Rome
const MARIO = '+393331112222';
const JOHN = '+393475550101';
const START = NOW + 110 * MINUTE; // 11:50

/**
 * An office with two rules (2 h and 1 h before) and an 11:50 appointment for
 * Mario (Italian) and one at 11:55 for John (English). The 2 h reminders are
 * already late by 10 and 5 minutes, within the grace: they go at once, through the
 * simulator; the 1 h ones wait in the queue.
 */
async function office(options: { autoAcknowledge?: boolean } = {}) {
  const o = await engineOffice(NOW);
  await o.ok('settings.update', { officeName: 'Studio Bianchi' });
  if (options.autoAcknowledge) await o.ok('reminders.settings.update', { ...defaultReminderSettings, autoAcknowledge: true });
  const twoHours = await o.ok('reminders.rules.create', { name: '2 ore prima', offsetMinutes: 120, ...TEMPLATES });
  const oneHour = await o.ok('reminders.rules.create', { name: '1 ora prima', offsetMinutes: 60, ...TEMPLATES });
  const mario = await o.client('Rossi', 'Mario', MARIO, 'it');
  const john = await o.client('Smith', 'John', JOHN, 'en');
  const first = (await o.appointment(mario.id, START)).appointment;
  const second = (await o.appointment(john.id, START + 5 * MINUTE)).appointment;
  await o.planned();
  await vi.waitFor(
    async () => {
      const sent = (await o.messages()).filter((m) => m.ruleName === '2 ore prima').map((m) => m.state === 'submitted' || m.state === 'delivered');
      expect(sent).toEqual([true, true]);
    },
    { timeout: 5000 },
  );
  return { ...o, twoHours, oneHour, mario, john, first, second };
}

type Office = Awaited<ReturnType<typeof office>>;

/** A reply from a client's phone, played on the simulator channel (the public API), once it is in the inbox and acted on. */
async function reply(o: EngineOffice, from: string, text: string): Promise<void> {
  const before = (await o.ok('inbox.list', {})).total;
  await o.ok('sms.simulator.reply', { from, text });
  await vi.waitFor(async () => expect((await o.ok('inbox.list', {})).total).toBe(before + 1));
  await o.planned();
}

/** A reply as a transport may hand it over (a national number, say, which the API would refuse), to the engine's own handler. */
async function replyAsReceived(o: EngineOffice, from: string, text: string): Promise<void> {
  const sms: InboundSms = { from, text, receivedAt: o.time.now() };
  await (o.core.reminders['receive'] as (sms: InboundSms) => Promise<void>).call(o.core.reminders, sms);
  await o.planned();
}

const inbox = async (o: EngineOffice) => (await o.ok('inbox.list', {})).items;
const pendingOf = async (o: Office, clientId: number) =>
  (await o.messages()).filter((m) => m.clientId === clientId && m.ruleName === '1 ora prima').map((m) => [m.state, m.error]);

describe('replies to reminders, through the core on a real database', () => {
  it('a reply played on the simulator channel reaches the inbox; the API wants an E.164 number', async () => {
    const o = await office();
    expect(await o.call('sms.simulator.reply', { from: '333 111 2222', text: 'SI' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await reply(o, MARIO, 'Grazie, ci sarò');
    expect((await inbox(o))[0]).toMatchObject({ fromPhone: MARIO, body: 'Grazie, ci sarò', clientId: o.mario.id, interpretation: 'other' });
  });

  it('"Sì" confirms the reminded appointment: status confirmed, reply handled, audited as the client', async () => {
    const o = await office();
    await reply(o, MARIO, 'Sì, grazie!');
    expect((await o.ok('appointments.get', { id: o.first.id })).status).toBe('confirmed');
    expect((await o.ok('appointments.get', { id: o.second.id })).status).toBe('booked');
    expect(await inbox(o)).toEqual([
      expect.objectContaining({
        fromPhone: MARIO,
        body: 'Sì, grazie!',
        receivedAt: NOW,
        clientId: o.mario.id,
        clientName: 'Rossi Mario',
        appointmentId: o.first.id,
        appointmentStart: START,
        appointmentStatus: 'confirmed',
        interpretation: 'confirm',
        handledAt: NOW,
      }),
    ]);
    expect(await o.sql.all(`SELECT actor, action, entity, entity_id FROM audit_log WHERE actor = 'client by SMS'`)).toEqual([
      { actor: 'client by SMS', action: 'appointments.confirmed', entity: 'appointment', entity_id: o.first.id },
    ]);
    // A confirmed appointment still gets its reminders; no acknowledgement unless the office asked for them.
    expect(await pendingOf(o, o.mario.id)).toEqual([['queued', null]]);
    expect((await o.messages()).filter((m) => m.kind === 'reply_ack')).toEqual([]);
    expect((await o.ok('messages.totals', {})).repliesToHandle).toBe(0);
    expect(o.log.errors).toEqual([]);
  });

  it('a second "Sì" for an appointment already confirmed needs nobody: handled, and acknowledged when that is on', async () => {
    const o = await office({ autoAcknowledge: true });
    await reply(o, MARIO, 'Sì');
    await reply(o, MARIO, 'SI');
    expect((await inbox(o)).map((row) => [row.interpretation, row.appointmentStatus, row.handledAt])).toEqual([
      ['confirm', 'confirmed', NOW],
      ['confirm', 'confirmed', NOW],
    ]);
    expect((await o.ok('messages.totals', {})).repliesToHandle).toBe(0);
    expect((await o.messages()).filter((m) => m.kind === 'reply_ack')).toHaveLength(2);
  });

  it('"NO" asks to cancel: status cancel_requested, the reply waits for staff, the other reminder is cancelled', async () => {
    const o = await office();
    await reply(o, MARIO, 'NO');
    expect((await o.ok('appointments.get', { id: o.first.id })).status).toBe('cancel_requested');
    expect(await inbox(o)).toEqual([expect.objectContaining({ interpretation: 'cancel', handledAt: null, appointmentId: o.first.id })]);
    expect(await pendingOf(o, o.mario.id)).toEqual([['cancelled', 'the client asked to cancel the appointment']]);
    expect(await pendingOf(o, o.john.id)).toEqual([['queued', null]]);
    expect((await o.ok('messages.totals', {})).repliesToHandle).toBe(1);
  });

  it('"STOP" opts the client out: flag, consent withdrawn in the ledger, pending reminders cancelled, none planned again', async () => {
    const o = await office();
    await reply(o, MARIO, 'stop');
    expect((await o.ok('clients.get', { id: o.mario.id })).client.smsOptOut).toBe(true);
    expect(await o.sql.all('SELECT client_id, purpose, granted, method, recorded_by, recorded_at FROM consents')).toEqual([
      { client_id: o.mario.id, purpose: 'reminders', granted: 0, method: 'sms_keyword', recorded_by: 'client by SMS', recorded_at: NOW },
    ]);
    expect(await inbox(o)).toEqual([expect.objectContaining({ interpretation: 'opt_out', handledAt: NOW, clientId: o.mario.id })]);
    expect(await pendingOf(o, o.mario.id)).toEqual([['cancelled', 'the client does not want SMS reminders']]);
    expect(await pendingOf(o, o.john.id)).toEqual([['queued', null]]);
    // The appointment itself is not touched.
    expect((await o.ok('appointments.get', { id: o.first.id })).status).toBe('booked');

    await o.appointment(o.mario.id, rome(3, 4, 15));
    await o.planned();
    expect(await o.core.reminders.planner.planHorizon()).toBe(0);
    expect((await o.messages()).filter((m) => m.clientId === o.mario.id)).toHaveLength(2);
  });

  it('free text waits in the inbox for staff and changes nothing', async () => {
    const o = await office();
    await reply(o, MARIO, 'Sì ma posso venire alle 12?');
    expect(await inbox(o)).toEqual([expect.objectContaining({ interpretation: 'other', handledAt: null, clientId: o.mario.id, appointmentId: o.first.id })]);
    expect((await o.ok('appointments.get', { id: o.first.id })).status).toBe('booked');
    expect(await pendingOf(o, o.mario.id)).toEqual([['queued', null]]);
  });

  it('a number nobody has: kept in the inbox with no client, nothing done even for a keyword', async () => {
    const o = await office({ autoAcknowledge: true });
    await reply(o, '+393209876543', 'SI');
    await replyAsReceived(o, '3209876543', 'STOP');
    // Newest first; the national number is read as Italian.
    expect(await inbox(o)).toEqual([
      expect.objectContaining({ fromPhone: '+393209876543', clientId: null, interpretation: 'opt_out', handledAt: null }),
      expect.objectContaining({ fromPhone: '+393209876543', clientId: null, clientName: null, appointmentId: null, interpretation: 'confirm', handledAt: null }),
    ]);
    expect((await o.messages()).filter((m) => m.kind === 'reply_ack')).toEqual([]);
    expect(await o.sql.all('SELECT * FROM consents')).toEqual([]);
  });

  it('with acknowledgements on, each keyword is answered in the client\'s language, and the answer is sent', async () => {
    const o = await office({ autoAcknowledge: true });
    await reply(o, MARIO, 'SI');
    await reply(o, JOHN, 'stop');
    const acks = (await o.messages()).filter((m) => m.kind === 'reply_ack');
    expect(acks.map((m) => [m.clientId, m.toPhone, m.body, m.dueAt])).toEqual([
      [o.mario.id, MARIO, 'Grazie, il suo appuntamento è confermato. Studio Bianchi', NOW],
      [o.john.id, JOHN, 'You will receive no more SMS reminders. To turn them back on, contact Studio Bianchi.', NOW],
    ]);
    // The last SMS to a client who just opted out goes all the same.
    await vi.waitFor(async () =>
      expect((await o.messages()).filter((m) => m.kind === 'reply_ack').map((m) => m.state)).toEqual(['submitted', 'submitted']),
    );
    // Free text is not acknowledged.
    await reply(o, MARIO, 'A che piano siete?');
    expect((await o.messages()).filter((m) => m.kind === 'reply_ack')).toHaveLength(2);
  });

  it('inbox.markHandled marks and reopens a reply; an unknown one is NOT_FOUND', async () => {
    const o = await office();
    await reply(o, MARIO, 'NO');
    const [row] = await inbox(o);
    expect((await o.ok('inbox.list', { unhandledOnly: true })).total).toBe(1);
    o.time.set(NOW + 5 * MINUTE);
    expect(await o.ok('inbox.markHandled', { id: row?.id ?? 0 })).toMatchObject({ id: row?.id, handledAt: NOW + 5 * MINUTE });
    expect((await o.ok('inbox.list', { unhandledOnly: true })).total).toBe(0);
    expect((await o.ok('messages.totals', {})).repliesToHandle).toBe(0);
    expect(await o.ok('inbox.markHandled', { id: row?.id ?? 0, handled: false })).toMatchObject({ handledAt: null });
    expect((await o.ok('inbox.list', { unhandledOnly: true })).total).toBe(1);
    expect(await o.call('inbox.markHandled', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('staff actions on one message', () => {
  it('sendNow sends a queued reminder at once (before its time); CONFLICT once it is no longer queued', async () => {
    const o = await office();
    const [pending] = (await o.messages()).filter((m) => m.clientId === o.mario.id && m.ruleName === '1 ora prima');
    expect(pending?.dueAt).toBe(START - 60 * MINUTE);
    const row = await o.ok('messages.sendNow', { id: pending?.id ?? 0 });
    expect(row).toMatchObject({ state: 'queued', nextAttemptAt: NOW });
    await vi.waitFor(async () => expect((await o.ok('messages.timeline', { id: pending?.id ?? 0 })).message.state).toBe('submitted'), { timeout: 3000 });
    const again = await o.call('messages.sendNow', { id: pending?.id ?? 0 });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(again.ok ? '' : again.error.message).toMatch(/submitted/);
    expect(await o.call('messages.sendNow', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('cancel stops a queued reminder; re-planning does not queue it again; retry does', async () => {
    const o = await office();
    const [pending] = (await o.messages()).filter((m) => m.clientId === o.mario.id && m.ruleName === '1 ora prima');
    const id = pending?.id ?? 0;
    expect(await o.ok('messages.cancel', { id })).toMatchObject({ state: 'cancelled', error: 'cancelled by hand' });
    expect(await o.call('messages.cancel', { id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await o.call('messages.sendNow', { id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Every way planning runs again leaves it alone: a pass, a rule change, a change of the appointment.
    await o.core.reminders.planner.replanAll();
    await o.ok('reminders.rules.update', { id: o.oneHour.id, changes: { templateIt: 'Ci vediamo alle {time}.' } });
    await o.ok('appointments.update', { id: o.first.id, changes: { notes: 'portare lastre' } });
    await vi.waitFor(async () => expect((await o.messages()).find((m) => m.clientId === o.john.id && m.ruleName === '1 ora prima')?.body).toBe('Dear John, appointment on Tuesday 3 March at 11:55. Studio Bianchi'));
    await o.planned();
    await o.core.reminders.planner.planHorizon();
    expect((await o.ok('messages.timeline', { id })).message).toMatchObject({ state: 'cancelled', error: 'cancelled by hand' });
    expect((await o.messages()).filter((m) => m.clientId === o.mario.id)).toHaveLength(2);

    expect(await o.ok('messages.retry', { id })).toMatchObject({ state: 'queued', error: null, nextAttemptAt: NOW });
    await vi.waitFor(async () => expect((await o.ok('messages.timeline', { id })).message.state).toBe('submitted'), { timeout: 3000 });
    const { events } = await o.ok('messages.timeline', { id });
    expect(events.map((e) => [e.fromState, e.toState, e.detail])).toEqual([
      [null, 'queued', 'planned'],
      ['queued', 'cancelled', 'cancelled by hand'],
      ['cancelled', 'queued', 'retry, by hand'],
      ['queued', 'sending', null],
      ['sending', 'submitted', null],
    ]);
    expect(await o.sql.all(`SELECT action, entity_id FROM audit_log WHERE entity = 'message' ORDER BY id`)).toEqual([
      { action: 'messages.cancel', entity_id: id },
      { action: 'messages.retry', entity_id: id },
    ]);
  });

  it('pause holds everything, sendNow included, and survives in the status; a re-plan does not undo "send now"', async () => {
    const o = await office();
    expect(await o.ok('dispatch.pause', {})).toMatchObject({ paused: true });
    const [pending] = (await o.messages()).filter((m) => m.clientId === o.mario.id && m.ruleName === '1 ora prima');
    const id = pending?.id ?? 0;
    await o.ok('messages.sendNow', { id });
    // The text changes while it waits: the new text goes, still at once.
    await o.ok('reminders.rules.update', { id: o.oneHour.id, changes: { templateIt: 'Ci vediamo alle {time}.' } });
    await vi.waitFor(async () => expect((await o.ok('messages.timeline', { id })).message.body).toBe('Ci vediamo alle 11:50.'), { timeout: 3000 });
    expect((await o.ok('messages.timeline', { id })).message).toMatchObject({ state: 'queued', nextAttemptAt: NOW });
    expect(await o.ok('dispatch.status', {})).toMatchObject({ paused: true, queued: 2 });
    await o.time.advance(5 * 60_000);
    expect((await o.ok('messages.timeline', { id })).message.state).toBe('queued');

    expect(await o.ok('dispatch.resume', {})).toMatchObject({ paused: false });
    await vi.waitFor(async () => expect((await o.ok('messages.timeline', { id })).message.state).toBe('submitted'), { timeout: 3000 });
    // The other one waits for its time (10:55).
    expect((await o.messages()).find((m) => m.clientId === o.john.id && m.ruleName === '1 ora prima')?.state).toBe('queued');
  });

  it('retry: a failed or expired message goes again; a queued or sent one is a CONFLICT', async () => {
    const o = await office();
    const [sent] = (await o.messages()).filter((m) => m.clientId === o.mario.id && m.ruleName === '2 ore prima');
    const [pending] = (await o.messages()).filter((m) => m.clientId === o.john.id && m.ruleName === '1 ora prima');
    expect(await o.call('messages.retry', { id: sent?.id ?? 0 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await o.call('messages.retry', { id: pending?.id ?? 0 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await o.sql.run(`UPDATE messages SET state = 'failed', error = 'invalid number' WHERE id = ?`, [sent?.id ?? 0]);
    expect(await o.ok('messages.retry', { id: sent?.id ?? 0 })).toMatchObject({ state: 'queued', error: null });
    await vi.waitFor(async () => expect((await o.ok('messages.timeline', { id: sent?.id ?? 0 })).message).toMatchObject({ state: 'submitted', attempts: 2 }), {
      timeout: 3000,
    });
  });
});
