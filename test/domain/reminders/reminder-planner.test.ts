import { describe, expect, it, vi } from 'vitest';
import { PLANNING_HORIZON_MS, PLANNING_INTERVAL_MS } from '../../../src-main/domain/reminders/reminder-planner';
import { MINUTE, TEMPLATES, engineOffice, rome, type EngineOffice } from '../../support/engine-office';

const NOW = rome(3, 2, 10); // Monday 2 March 2026, 10:00 in Rome
const TWO_DAYS = 2 * 24 * 60;

/** An office with a name, one "2 days before" rule and two clients: Mario (Italian) and John (English). */
async function office(start = NOW) {
  const o = await engineOffice(start);
  await o.ok('settings.update', { officeName: 'Studio Bianchi' });
  const rule = await o.ok('reminders.rules.create', { name: '2 giorni prima', offsetMinutes: TWO_DAYS, ...TEMPLATES });
  const mario = await o.client('Rossi', 'Mario', '333 111 2222', 'it');
  const john = await o.client('Smith', 'John', '347 555 0101', 'en');
  await o.planned();
  return { ...o, rule, mario, john };
}

const eventsOf = (o: EngineOffice, id: number) =>
  o.sql.all<{ from_state: string | null; to_state: string; detail: string | null }>(
    'SELECT from_state, to_state, detail FROM message_events WHERE message_id = ? ORDER BY id',
    [id],
  );

const countRows = async (o: EngineOffice) =>
  o.sql.get<{ messages: number; events: number }>('SELECT (SELECT count(*) FROM messages) AS messages, (SELECT count(*) FROM message_events) AS events');

describe('reminder planner, through the core on a real database', () => {
  it('queues a reminder when an appointment is booked: due time, quiet hours, the client\'s language', async () => {
    const o = await office();
    // Thursday 5 March at 09:00: due Tuesday at 09:00, within the 48 h horizon.
    const first = await o.appointment(o.mario.id, rome(3, 5, 9));
    // At 07:30: two days before is 07:30, in the night's quiet hours (20:00–08:00), so the evening before, at 19:59.
    const second = await o.appointment(o.john.id, rome(3, 5, 7, 30));
    await o.planned();

    const rows = await o.messages();
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'reminder',
        state: 'queued',
        clientId: o.mario.id,
        clientName: 'Rossi Mario',
        toPhone: '+393331112222',
        appointmentId: first.appointment.id,
        appointmentStart: rome(3, 5, 9),
        ruleName: '2 giorni prima',
        dueAt: rome(3, 3, 9),
        nextAttemptAt: rome(3, 3, 9),
        body: 'Gentile Mario, appuntamento giovedì 5 marzo alle 09:00. Studio Bianchi',
        encoding: 'gsm7',
        segments: 1,
        attempts: 0,
        error: null,
      }),
      expect.objectContaining({
        state: 'queued',
        clientId: o.john.id,
        appointmentId: second.appointment.id,
        dueAt: rome(3, 2, 19, 59),
        body: 'Dear John, appointment on Thursday 5 March at 07:30. Studio Bianchi',
      }),
    ]);
    expect(await eventsOf(o, rows[0]?.id ?? 0)).toEqual([{ from_state: null, to_state: 'queued', detail: 'planned' }]);
    // Nothing was due yet: nothing was sent.
    expect(o.log.errors).toEqual([]);
    await vi.waitFor(async () => expect((await o.ok('dispatch.status', {})).nextSendAt).toBe(rome(3, 2, 19, 59)));
  });

  it('plans nothing new when planning runs again (idempotent), nor for an appointment with no mobile or too far off', async () => {
    const o = await office();
    await o.appointment(o.mario.id, rome(3, 5, 9));
    const nobody = await o.client('Verdi', 'Anna', null);
    await o.appointment(nobody.id, rome(3, 5, 10));
    await o.planned();
    const before = await countRows(o);
    expect(before).toEqual({ messages: 1, events: 1 });

    expect(await o.core.reminders.planner.planHorizon()).toBe(0);
    expect(await o.core.reminders.planner.replanAll()).toBe(0);
    expect(await o.core.reminders.planner.replanClient(o.mario.id)).toBe(0);
    await o.core.reminders.planner.planAppointments((await o.sql.all<{ id: number }>('SELECT id FROM appointments')).map((r) => r.id));
    expect(await countRows(o)).toEqual(before);
  });

  it('moving an appointment cancels its reminder and queues one for the new time; moving it back queues the first again', async () => {
    const o = await office();
    const { appointment } = await o.appointment(o.mario.id, rome(3, 5, 9));
    await o.planned();
    const [original] = await o.messages();

    await o.ok('appointments.update', { id: appointment.id, changes: { start: rome(3, 5, 11), end: rome(3, 5, 11, 30) } });
    await o.planned();
    const moved = await o.messages();
    expect(moved.map((m) => [m.id, m.state, m.appointmentStart, m.dueAt, m.error])).toEqual([
      [original?.id, 'cancelled', rome(3, 5, 9), rome(3, 3, 9), 'the appointment was moved'],
      [expect.any(Number), 'queued', rome(3, 5, 11), rome(3, 3, 11), null],
    ]);
    expect(moved[1]?.body).toContain('alle 11:00');

    await o.ok('appointments.update', { id: appointment.id, changes: { start: rome(3, 5, 9), end: rome(3, 5, 9, 30) } });
    await o.planned();
    const back = await o.messages();
    expect(back.map((m) => [m.state, m.appointmentStart, m.error])).toEqual([
      ['queued', rome(3, 5, 9), null],
      ['cancelled', rome(3, 5, 11), 'the appointment was moved'],
    ]);
    expect((await eventsOf(o, original?.id ?? 0)).map((e) => e.detail)).toEqual(['planned', 'the appointment was moved', 'planned again']);
  });

  it('cancelling an appointment (status) cancels its reminder, and booking it again re-queues it', async () => {
    const o = await office();
    const { appointment } = await o.appointment(o.mario.id, rome(3, 5, 9));
    await o.planned();
    await o.ok('appointments.update', { id: appointment.id, changes: { status: 'cancelled' } });
    await o.planned();
    expect((await o.messages()).map((m) => [m.state, m.error])).toEqual([['cancelled', 'the appointment was cancelled']]);

    await o.ok('appointments.update', { id: appointment.id, changes: { status: 'booked' } });
    await o.planned();
    expect((await o.messages()).map((m) => [m.state, m.error])).toEqual([['queued', null]]);
  });

  it('deleting an appointment cancels its reminder and plans nothing in its place', async () => {
    const o = await office();
    const { appointment } = await o.appointment(o.mario.id, rome(3, 5, 9));
    await o.planned();
    expect(await o.ok('appointments.delete', { id: appointment.id })).toEqual({ count: 1 });
    await o.planned();
    expect((await o.messages()).map((m) => [m.state, m.error, m.appointmentId])).toEqual([['cancelled', 'the appointment was deleted', null]]);
    expect(await o.core.reminders.planner.planHorizon()).toBe(0);
    expect(await o.messages()).toHaveLength(1);
  });

  it('a client who opts out: pending reminders are cancelled and none is planned for them any more', async () => {
    const o = await office();
    await o.appointment(o.mario.id, rome(3, 5, 9));
    await o.appointment(o.john.id, rome(3, 5, 10));
    await o.planned();
    await o.sql.run('UPDATE clients SET sms_opt_out = 1 WHERE id = ?', [o.mario.id]);
    o.core.events.emit('clients.changed', { ids: [o.mario.id] });
    await o.planned();
    expect((await o.messages()).map((m) => [m.clientId, m.state, m.error])).toEqual([
      [o.mario.id, 'cancelled', 'the client does not want SMS reminders'],
      [o.john.id, 'queued', null],
    ]);

    await o.appointment(o.mario.id, rome(3, 4, 15));
    await o.planned();
    expect(await o.core.reminders.planner.planHorizon()).toBe(0);
    expect(await o.messages()).toHaveLength(2);
  });

  it('a withdrawal in the consent ledger works like an opt-out', async () => {
    const o = await office();
    await o.appointment(o.mario.id, rome(3, 5, 9));
    await o.planned();
    await o.sql.run(
      `INSERT INTO consents (client_id, purpose, granted, method, recorded_by, recorded_at) VALUES (?, 'reminders', 0, 'paper', 'office', ?)`,
      [o.mario.id, NOW],
    );
    o.core.events.emit('clients.changed', { ids: [o.mario.id] });
    await o.planned();
    expect((await o.messages()).map((m) => [m.state, m.error])).toEqual([['cancelled', 'the client does not want SMS reminders']]);
  });

  it('a client\'s new language or mobile re-plans the text; no mobile cancels, a mobile again re-queues', async () => {
    const o = await office();
    const { appointment } = await o.appointment(o.mario.id, rome(3, 5, 9));
    await o.planned();
    await o.ok('clients.update', { id: o.mario.id, changes: { language: 'en', mobile: '+39 340 000 1111' } });
    await o.planned();
    expect((await o.messages()).map((m) => [m.state, m.toPhone, m.body])).toEqual([
      ['queued', '+393400001111', 'Dear Mario, appointment on Thursday 5 March at 09:00. Studio Bianchi'],
    ]);
    await o.ok('clients.update', { id: o.mario.id, changes: { mobile: null } });
    await o.planned();
    expect((await o.messages()).map((m) => [m.state, m.error])).toEqual([['cancelled', 'the client has no mobile number']]);
    await o.ok('clients.update', { id: o.mario.id, changes: { mobile: '333 111 2222' } });
    await o.planned();
    expect((await o.messages()).map((m) => [m.state, m.toPhone, m.appointmentId])).toEqual([['queued', '+393331112222', appointment.id]]);
  });

  it('new sending hours re-plan the due times of queued reminders', async () => {
    const o = await office();
    await o.appointment(o.mario.id, rome(3, 5, 9));
    await o.planned();
    expect((await o.messages())[0]?.dueAt).toBe(rome(3, 3, 9));
    // Quiet until 09:30 now: Tuesday 09:00 falls in the night, so the reminder goes Monday evening at 19:59.
    await o.ok('reminders.settings.update', { quietFrom: '20:00', quietTo: '09:30', quietSundays: false, minLeadMinutes: 60, autoAcknowledge: false });
    await vi.waitFor(async () => expect((await o.messages())[0]?.dueAt).toBe(rome(3, 2, 19, 59)), { timeout: 3000 });
    expect((await o.messages()).map((m) => m.state)).toEqual(['queued']);
  });

  it('a new template re-plans the queued reminders\' texts; switching the rule off and on cancels and re-queues', async () => {
    const o = await office();
    await o.appointment(o.mario.id, rome(3, 5, 9));
    await o.appointment(o.john.id, rome(3, 5, 10));
    await o.planned();
    await o.ok('reminders.rules.update', { id: o.rule.id, changes: { templateIt: 'Promemoria: {weekday} alle {time}.' } });
    await vi.waitFor(async () => expect((await o.messages())[0]?.body).toBe('Promemoria: giovedì alle 09:00.'), { timeout: 3000 });
    const rows = await o.messages();
    expect(rows.map((m) => m.state)).toEqual(['queued', 'queued']);
    expect(rows[1]?.body).toBe('Dear John, appointment on Thursday 5 March at 10:00. Studio Bianchi'); // English untouched
    expect((await eventsOf(o, rows[0]?.id ?? 0)).map((e) => [e.to_state, e.detail])).toEqual([
      ['queued', 'planned'],
      ['queued', 'replanned'],
    ]);

    await o.ok('reminders.rules.update', { id: o.rule.id, changes: { active: false } });
    await vi.waitFor(async () => expect((await o.messages()).map((m) => m.state)).toEqual(['cancelled', 'cancelled']), { timeout: 3000 });
    expect((await o.messages())[0]?.error).toBe('the reminder rule no longer applies');
    await o.ok('reminders.rules.update', { id: o.rule.id, changes: { active: true } });
    await vi.waitFor(async () => expect((await o.messages()).map((m) => m.state)).toEqual(['queued', 'queued']), { timeout: 3000 });
    expect(await o.messages()).toHaveLength(2);
  });

  it('a rule created after the appointments plans their reminders', async () => {
    const o = await engineOffice(NOW);
    const mario = await o.client('Rossi', 'Mario', '333 111 2222');
    await o.appointment(mario.id, rome(3, 3, 16));
    await o.planned();
    expect(await o.messages()).toEqual([]);
    await o.ok('reminders.rules.create', { name: '1 giorno', offsetMinutes: 24 * 60, ...TEMPLATES });
    await vi.waitFor(async () => expect((await o.messages()).map((m) => [m.state, m.dueAt])).toEqual([['queued', rome(3, 2, 16)]]), { timeout: 3000 });
  });

  it('deleting a rule cancels its queued reminders and keeps them in the history', async () => {
    const o = await office();
    await o.appointment(o.mario.id, rome(3, 5, 9));
    await o.planned();
    expect(await o.ok('reminders.rules.delete', { id: o.rule.id })).toEqual({ cancelledMessages: 1 });
    const [row] = await o.messages();
    expect(row).toMatchObject({ state: 'cancelled', error: 'its reminder rule was deleted', ruleName: null });
    expect((await eventsOf(o, row?.id ?? 0)).at(-1)).toEqual({ from_state: 'queued', to_state: 'cancelled', detail: 'its reminder rule was deleted' });
    expect(await o.core.reminders.planner.replanAll()).toBe(0);
    expect(await o.messages()).toHaveLength(1);
  });

  it('a reminder beyond the 48 h horizon is planned by the periodic pass once it comes within it', async () => {
    const o = await office();
    // Monday 9 March at 10:00: due Saturday 7 March at 10:00.
    await o.appointment(o.mario.id, rome(3, 9, 10));
    await o.planned();
    expect(await o.messages()).toEqual([]);

    // Thursday 09:50: the horizon ends Saturday 09:50, ten minutes short.
    o.time.set(rome(3, 7, 10) - PLANNING_HORIZON_MS - 10 * MINUTE);
    await o.time.advance(0);
    expect(await o.messages()).toEqual([]);
    // No one touches anything: the next periodic pass, ten minutes later, plans it.
    await o.time.advance(PLANNING_INTERVAL_MS);
    await o.planned();
    expect((await o.messages()).map((m) => [m.state, m.dueAt])).toEqual([['queued', rome(3, 7, 10)]]);
    expect(o.log.errors).toEqual([]);
  });

  it('a rule for one dentist: only their appointments, by the periodic pass as by a change; the staff name fills {staff}', async () => {
    const o = await engineOffice(NOW);
    const dentist = await o.ok('staff.create', { name: 'Dott. Bianchi', role: 'dentist' });
    const hygienist = await o.ok('staff.create', { name: 'Sara Conti', role: 'hygienist' });
    await o.ok('reminders.rules.create', { name: 'dentista', offsetMinutes: TWO_DAYS, templateIt: '{first_name}: {staff} alle {time}', templateEn: 'x', staffIds: [dentist.id] });
    const mario = await o.client('Rossi', 'Mario', '333 111 2222');
    const anna = await o.client('Verdi', 'Anna', '333 111 3333');
    const book = (clientId: number, staffId: number, start: number) =>
      o.ok('appointments.create', { clientId, staffId, roomId: null, start, end: start + 30 * MINUTE, confirmConflicts: true });
    // Both beyond the horizon: only the periodic pass can plan them.
    const withDentist = await book(mario.id, dentist.id, rome(3, 9, 10));
    await book(anna.id, hygienist.id, rome(3, 9, 11));
    await o.planned();
    expect(await o.messages()).toEqual([]);

    o.time.set(rome(3, 7, 11) - PLANNING_HORIZON_MS + MINUTE);
    await o.time.advance(PLANNING_INTERVAL_MS);
    await o.planned();
    expect((await o.messages()).map((m) => [m.appointmentId, m.state, m.body])).toEqual([[withDentist.appointment.id, 'queued', 'Mario: Dott. Bianchi alle 10:00']]);

    // Anna's appointment moves to the dentist: planned at once; Mario's moves away: cancelled.
    const annaAppointment = (await o.sql.get<{ id: number }>('SELECT id FROM appointments WHERE client_id = ?', [anna.id]))?.id ?? 0;
    await o.ok('appointments.update', { id: annaAppointment, changes: { staffId: dentist.id }, confirmConflicts: true });
    await o.ok('appointments.update', { id: withDentist.appointment.id, changes: { staffId: hygienist.id }, confirmConflicts: true });
    await o.planned();
    expect((await o.messages()).map((m) => [m.appointmentId, m.state, m.error])).toEqual([
      [withDentist.appointment.id, 'cancelled', 'the reminder rule no longer applies'],
      [annaAppointment, 'queued', null],
    ]);
  });

  it('a new office name re-plans the texts of queued reminders', async () => {
    const o = await office();
    await o.appointment(o.mario.id, rome(3, 5, 9));
    await o.planned();
    await o.ok('settings.update', { officeName: 'Studio Verdi' });
    await vi.waitFor(async () => expect((await o.messages())[0]?.body).toBe('Gentile Mario, appuntamento giovedì 5 marzo alle 09:00. Studio Verdi'), { timeout: 3000 });
  });

  it('across the change to summer time (29 March), the text shows the appointment\'s local time', async () => {
    const o = await office(rome(3, 27, 10)); // Friday 27 March, 10:00 CET
    await o.appointment(o.mario.id, rome(3, 30, 9)); // Monday 30 March, 09:00 CEST
    await o.planned();
    const [row] = await o.messages();
    expect(row?.body).toBe('Gentile Mario, appuntamento lunedì 30 marzo alle 09:00. Studio Bianchi');
    expect(row?.appointmentStart).toBe(Date.UTC(2026, 2, 30, 7));
    // Two wall-clock days before: Saturday 28 March at 09:00 CET, 47 hours ahead (the night of the change is an hour short).
    expect(row?.dueAt).toBe(rome(3, 28, 9));
    expect(rome(3, 30, 9) - (row?.dueAt ?? 0)).toBe(47 * 3600_000);
  });

  it('a "2 days before" reminder keeps the wall-clock time across the DST change', async () => {
    const o = await office(rome(3, 27, 10));
    await o.appointment(o.mario.id, rome(3, 30, 8, 30));
    await o.planned();
    expect((await o.messages())[0]?.dueAt).toBe(rome(3, 28, 8, 30));
  });
});
