import { describe, expect, it } from 'vitest';
import type { ReminderRule, ReminderSettings } from '../../../src-main/contract/reminders-schemas';
import {
  planAppointment,
  ruleApplies,
  type ExistingReminder,
  type PlanAppointment,
  type PlanChange,
  type PlanContext,
} from '../../../src-main/domain/reminders/reminder-plan';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// November 2026: Rome is UTC+1.
/** Tuesday 24 November 09:00 Rome. */
const NOW = Date.UTC(2026, 10, 24, 8);
/** Thursday 26 November 10:00 Rome. */
const START = Date.UTC(2026, 10, 26, 9);
/** Thursday 26 November 11:00 Rome: where the appointment is moved to. */
const MOVED = Date.UTC(2026, 10, 26, 10);

const settings: ReminderSettings = { quietFrom: '20:00', quietTo: '08:00', quietSundays: false, minLeadMinutes: 60, autoAcknowledge: false };

const twoDays: ReminderRule = {
  id: 1,
  name: '2 giorni prima',
  offsetMinutes: 2 * 24 * 60,
  templateIt: 'Gentile {first_name}, appuntamento {weekday} {date} alle {time}. {office_name}',
  templateEn: 'Dear {first_name}, appointment on {weekday} {date} at {time}. {office_name}',
  active: true,
  staffIds: null,
  roomIds: null,
};
const twoHours: ReminderRule = {
  id: 2,
  name: '2 ore prima',
  offsetMinutes: 120,
  templateIt: '{first_name}, a oggi alle {time} con {staff}. {office_phone}',
  templateEn: '{first_name}, see you today at {time} with {staff}. {office_phone}',
  active: true,
  staffIds: null,
  roomIds: null,
};

const context: PlanContext = {
  now: NOW,
  // 48 hours: Thursday 26 November 09:00 Rome.
  horizonEnd: NOW + 48 * HOUR,
  rules: [twoDays, twoHours],
  settings,
  timeZone: 'Europe/Rome',
  officeName: 'Studio Rossi',
  officePhone: '+39 06 1234 5678',
};

const booked: PlanAppointment = {
  id: 10,
  start: START,
  status: 'booked',
  staffId: 3,
  roomId: 4,
  staffName: 'Dott. Bianchi',
  clientId: 20,
  firstName: 'Maria',
  language: 'it',
  mobile: '+393331234567',
  reachable: true,
};

type Insert = Extract<PlanChange, { kind: 'insert' }>;

function inserts(changes: readonly PlanChange[]): Insert[] {
  return changes.filter((change): change is Insert => change.kind === 'insert');
}

/** The row the store writes for an insert: queued, or cancelled with the skip reason. */
function stored(change: PlanChange, id: number, overrides: Partial<ExistingReminder> = {}): ExistingReminder {
  if (change.kind !== 'insert') throw new Error(`expected an insert, got ${change.kind}`);
  return {
    id,
    appointmentId: change.appointmentId,
    ruleId: change.ruleId,
    appointmentStart: change.start,
    state: change.skip === null ? 'queued' : 'cancelled',
    toPhone: change.toPhone,
    body: change.body,
    dueAt: change.dueAt,
    error: change.skip,
    heldByStaff: false,
    ...overrides,
  };
}

/** The two rows a first plan of `appointment` writes, with ids 101 and 102. */
function firstPlan(appointment: PlanAppointment = booked, overrides: Partial<ExistingReminder> = {}): ExistingReminder[] {
  const changes = planAppointment(appointment, [], context);
  expect(changes).toHaveLength(2);
  return changes.map((change, i) => stored(change, 101 + i, overrides));
}

describe('planning the reminders of a booked appointment', () => {
  it('inserts one reminder per active rule, with the Italian text and its due time', () => {
    expect(planAppointment(booked, [], context)).toEqual([
      {
        kind: 'insert',
        appointmentId: 10,
        ruleId: 1,
        start: START,
        clientId: 20,
        skip: null,
        toPhone: '+393331234567',
        body: 'Gentile Maria, appuntamento giovedì 26 novembre alle 10:00. Studio Rossi',
        encoding: 'gsm7',
        segments: 1,
        // Tuesday 24 November 10:00 Rome.
        dueAt: Date.UTC(2026, 10, 24, 9),
      },
      {
        kind: 'insert',
        appointmentId: 10,
        ruleId: 2,
        start: START,
        clientId: 20,
        skip: null,
        toPhone: '+393331234567',
        body: 'Maria, a oggi alle 10:00 con Dott. Bianchi. +39 06 1234 5678',
        encoding: 'gsm7',
        segments: 1,
        // Thursday 26 November 08:00 Rome.
        dueAt: Date.UTC(2026, 10, 26, 7),
      },
    ]);
  });

  it('writes the texts in English for an English-speaking client', () => {
    expect(inserts(planAppointment({ ...booked, language: 'en' }, [], context)).map((change) => change.body)).toEqual([
      'Dear Maria, appointment on Thursday 26 November at 10:00. Studio Rossi',
      'Maria, see you today at 10:00 with Dott. Bianchi. +39 06 1234 5678',
    ]);
  });

  it('fills in an empty staff name (not "null") and closes up the text when the appointment has no staff member', () => {
    const [, twoHoursBefore] = inserts(planAppointment({ ...booked, staffId: null, staffName: null }, [], context));
    expect(twoHoursBefore?.body).toBe('Maria, a oggi alle 10:00 con. +39 06 1234 5678');
  });

  it('records the encoding and the number of parts of each text', () => {
    const withEmoji: ReminderRule = { ...twoDays, templateIt: `😀 ${'a'.repeat(80)}` };
    const [change] = planAppointment(booked, [], { ...context, rules: [withEmoji] });
    expect(change).toMatchObject({ kind: 'insert', encoding: 'ucs2', segments: 2 });
  });

  it('plans the same for a confirmed appointment', () => {
    expect(inserts(planAppointment({ ...booked, status: 'confirmed' }, [], context))).toHaveLength(2);
  });

  it('changes nothing when its own inserts are fed back (idempotent)', () => {
    expect(planAppointment(booked, firstPlan(), context)).toEqual([]);
  });

  it('changes nothing on a later pass, before the reminders are due', () => {
    // Planned on Tuesday 09:00 Rome; passes again at 09:30.
    expect(planAppointment(booked, firstPlan(), { ...context, now: NOW + 30 * MINUTE })).toEqual([]);
  });

  it('inserts only the reminder whose row is missing', () => {
    const [first] = firstPlan();
    expect(planAppointment(booked, [first!], context)).toEqual([expect.objectContaining({ kind: 'insert', ruleId: 2 })]);
  });
});

describe('re-planning after a change to the client', () => {
  it('updates the queued texts to a new mobile number, keeping their times', () => {
    const changes = planAppointment({ ...booked, mobile: '+393339999999' }, firstPlan(), context);
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'update', id: 101, toPhone: '+393339999999', dueAt: Date.UTC(2026, 10, 24, 9) }),
      expect.objectContaining({ kind: 'update', id: 102, toPhone: '+393339999999', dueAt: Date.UTC(2026, 10, 26, 7) }),
    ]);
  });

  it('updates the queued texts to the client\'s new name and language', () => {
    const changes = planAppointment({ ...booked, firstName: 'Mary', language: 'en' }, firstPlan(), context);
    expect(changes.map((change) => (change.kind === 'update' ? [change.id, change.body] : change.kind))).toEqual([
      [101, 'Dear Mary, appointment on Thursday 26 November at 10:00. Studio Rossi'],
      [102, 'Mary, see you today at 10:00 with Dott. Bianchi. +39 06 1234 5678'],
    ]);
  });
});

describe('re-planning a moved appointment', () => {
  it('cancels the queued reminders of the old time and inserts reminders for the new one', () => {
    const changes = planAppointment({ ...booked, start: MOVED }, firstPlan(), context);
    expect(changes.filter((change) => change.kind === 'cancel')).toEqual([
      { kind: 'cancel', id: 101, reason: 'the appointment was moved' },
      { kind: 'cancel', id: 102, reason: 'the appointment was moved' },
    ]);
    expect(inserts(changes).map((change) => [change.ruleId, change.start, change.dueAt, change.body])).toEqual([
      // Tuesday 24 November 11:00 Rome.
      [1, MOVED, Date.UTC(2026, 10, 24, 10), 'Gentile Maria, appuntamento giovedì 26 novembre alle 11:00. Studio Rossi'],
      // Thursday 26 November 09:00 Rome: exactly the horizon's end.
      [2, MOVED, Date.UTC(2026, 10, 26, 8), 'Maria, a oggi alle 11:00 con Dott. Bianchi. +39 06 1234 5678'],
    ]);
    expect(changes).toHaveLength(4);
  });

  it('re-queues the cancelled reminders when it is moved back, and cancels those of the time in between', () => {
    const original = firstPlan(booked, { state: 'cancelled', error: 'the appointment was moved' });
    const between = planAppointment({ ...booked, start: MOVED }, [], context).map((change, i) => stored(change, 201 + i));
    const [first, second] = original;
    const changes = planAppointment(booked, [...original, ...between], context);
    expect(changes).toEqual([
      { kind: 'requeue', id: 101, toPhone: booked.mobile, body: first!.body, encoding: 'gsm7', segments: 1, dueAt: Date.UTC(2026, 10, 24, 9) },
      { kind: 'requeue', id: 102, toPhone: booked.mobile, body: second!.body, encoding: 'gsm7', segments: 1, dueAt: Date.UTC(2026, 10, 26, 7) },
      { kind: 'cancel', id: 201, reason: 'the appointment was moved' },
      { kind: 'cancel', id: 202, reason: 'the appointment was moved' },
    ]);
  });

  it('leaves the cancelled reminders of an old time alone', () => {
    const old = firstPlan(booked, { state: 'cancelled', error: 'the appointment was moved' });
    const current = planAppointment({ ...booked, start: MOVED }, [], context).map((change, i) => stored(change, 201 + i));
    expect(planAppointment({ ...booked, start: MOVED }, [...old, ...current], context)).toEqual([]);
  });
});

describe('an appointment that gets no reminders', () => {
  it.each([
    ['cancelled', { status: 'cancelled' }, 'the appointment was cancelled'],
    ['cancel_requested', { status: 'cancel_requested' }, 'the client asked to cancel the appointment'],
    ['done', { status: 'done' }, 'the appointment is closed'],
    ['no_show', { status: 'no_show' }, 'the appointment is closed'],
    ['a client who cannot be reached', { reachable: false }, 'the client does not want SMS reminders'],
    ['a client with no mobile', { mobile: null }, 'the client has no mobile number'],
  ] as const)('%s: cancels the queued reminders with the reason and inserts nothing', (_label, change, reason) => {
    const appointment: PlanAppointment = { ...booked, ...change };
    expect(planAppointment(appointment, firstPlan(), context)).toEqual([
      { kind: 'cancel', id: 101, reason },
      { kind: 'cancel', id: 102, reason },
    ]);
    expect(planAppointment(appointment, [], context)).toEqual([]);
  });

  it('gives the cancellation reason before the client\'s, when both apply', () => {
    const appointment: PlanAppointment = { ...booked, status: 'cancelled', reachable: false, mobile: null };
    expect(planAppointment(appointment, firstPlan(), context).map((change) => change.kind === 'cancel' && change.reason)).toEqual([
      'the appointment was cancelled',
      'the appointment was cancelled',
    ]);
  });

  it('leaves reminders that are already cancelled as they are', () => {
    const cancelled = firstPlan(booked, { state: 'cancelled', error: 'the appointment was cancelled' });
    expect(planAppointment({ ...booked, reachable: false }, cancelled, context)).toEqual([]);
  });

  it('re-queues them when it is booked again', () => {
    const cancelled = firstPlan(booked, { state: 'cancelled', error: 'the appointment was cancelled' });
    expect(planAppointment(booked, cancelled, context).map((change) => [change.kind, 'id' in change ? change.id : null])).toEqual([
      ['requeue', 101],
      ['requeue', 102],
    ]);
  });
});

describe('rows the planner must not touch', () => {
  it('never changes a reminder held by staff, queued or cancelled, nor plans it again', () => {
    const held = firstPlan(booked, { heldByStaff: true, body: 'old text' });
    const heldCancelled = firstPlan(booked, { heldByStaff: true, state: 'cancelled', error: 'cancelled by staff' });
    expect(planAppointment(booked, held, context)).toEqual([]);
    expect(planAppointment(booked, heldCancelled, context)).toEqual([]);
    expect(planAppointment({ ...booked, status: 'cancelled' }, held, context)).toEqual([]);
  });

  it('does not cancel a held reminder when the appointment moves', () => {
    const held = firstPlan(booked, { heldByStaff: true });
    const changes = planAppointment({ ...booked, start: MOVED }, held, context);
    expect(changes.map((change) => change.kind)).toEqual(['insert', 'insert']);
  });

  it.each(['sending', 'submitted', 'delivered', 'failed', 'expired'])(
    'never changes or duplicates a %s reminder, even when its text or appointment changed',
    (state) => {
      const rows = firstPlan(booked, { state, body: 'old text' });
      expect(planAppointment(booked, rows, context)).toEqual([]);
      expect(planAppointment({ ...booked, firstName: 'Mary' }, rows, context)).toEqual([]);
      expect(planAppointment({ ...booked, status: 'cancelled' }, rows, context)).toEqual([]);
    },
  );

  it('plans reminders for the new time of a moved appointment whose old ones were sent', () => {
    const sent = firstPlan(booked, { state: 'delivered' });
    expect(inserts(planAppointment({ ...booked, start: MOVED }, sent, context)).map((change) => change.start)).toEqual([MOVED, MOVED]);
  });
});

describe('which rules apply', () => {
  it('limits a rule to the staff members it names', () => {
    const onlyStaff7: ReminderRule = { ...twoDays, staffIds: [7] };
    const ctx = { ...context, rules: [onlyStaff7, twoHours] };
    expect(inserts(planAppointment({ ...booked, staffId: 3 }, [], ctx)).map((change) => change.ruleId)).toEqual([2]);
    expect(inserts(planAppointment({ ...booked, staffId: 7 }, [], ctx)).map((change) => change.ruleId)).toEqual([1, 2]);
    expect(inserts(planAppointment({ ...booked, staffId: null, staffName: null }, [], ctx)).map((change) => change.ruleId)).toEqual([2]);
  });

  it('limits a rule to the rooms it names', () => {
    expect(ruleApplies({ ...twoDays, roomIds: [4, 5] }, { staffId: 3, roomId: 4 })).toBe(true);
    expect(ruleApplies({ ...twoDays, roomIds: [5] }, { staffId: 3, roomId: 4 })).toBe(false);
    expect(ruleApplies({ ...twoDays, roomIds: [5] }, { staffId: 3, roomId: null })).toBe(false);
  });

  it('needs both the staff and the room limits to match', () => {
    const both = { ...twoDays, staffIds: [3], roomIds: [9] };
    expect(ruleApplies(both, { staffId: 3, roomId: 4 })).toBe(false);
    expect(ruleApplies(both, { staffId: 3, roomId: 9 })).toBe(true);
  });

  it('ignores an inactive rule, and cancels its queued reminder', () => {
    const ctx = { ...context, rules: [{ ...twoDays, active: false }, twoHours] };
    expect(inserts(planAppointment(booked, [], ctx)).map((change) => change.ruleId)).toEqual([2]);
    expect(planAppointment(booked, firstPlan(), ctx)).toEqual([{ kind: 'cancel', id: 101, reason: 'the reminder rule no longer applies' }]);
  });

  it('cancels the queued reminder of a deleted rule (its rule id now null)', () => {
    const [first, second] = firstPlan();
    expect(planAppointment(booked, [{ ...first!, ruleId: null }, second!], context)).toEqual([
      { kind: 'cancel', id: 101, reason: 'the reminder rule no longer applies' },
      expect.objectContaining({ kind: 'insert', ruleId: 1 }),
    ]);
  });
});

describe('the planning horizon', () => {
  it('inserts nothing due after the horizon, and plans it once the horizon reaches it', () => {
    // Monday 30 November 10:00 Rome: due Saturday 28 (2 days) and Monday 08:00 (2 hours).
    const later = { ...booked, start: Date.UTC(2026, 10, 30, 9) };
    expect(planAppointment(later, [], context)).toEqual([]);
    const changes = planAppointment(later, [], { ...context, horizonEnd: Date.UTC(2026, 10, 28, 9) });
    expect(inserts(changes).map((change) => [change.ruleId, change.dueAt])).toEqual([[1, Date.UTC(2026, 10, 28, 9)]]);
  });

  it('inserts a reminder due exactly at the horizon\'s end', () => {
    const [, second] = inserts(planAppointment(booked, [], { ...context, horizonEnd: Date.UTC(2026, 10, 26, 7) }));
    expect(second?.dueAt).toBe(Date.UTC(2026, 10, 26, 7));
  });
});

describe('reminders whose timing says skip', () => {
  // Tuesday 24 November 10:45 Rome, planned at 09:00: two days before has long passed;
  // two hours before (08:45) is 15 minutes late and still goes now.
  const soon: PlanAppointment = { ...booked, start: Date.UTC(2026, 10, 24, 9, 45) };

  it('inserts the skipped one with its reason and the time it would have had, and the late one due now', () => {
    const changes = planAppointment(soon, [], context);
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'insert',
        ruleId: 1,
        skip: 'skipped: its time had already passed when it was planned',
        dueAt: soon.start - 2 * 24 * HOUR,
      }),
      expect.objectContaining({ kind: 'insert', ruleId: 2, skip: null, dueAt: NOW }),
    ]);
  });

  it('changes nothing when its own inserts, skipped or not, are fed back', () => {
    const rows = planAppointment(soon, [], context).map((change, i) => stored(change, 301 + i));
    expect(rows.map((row) => row.state)).toEqual(['cancelled', 'queued']);
    expect(planAppointment(soon, rows, context)).toEqual([]);
  });

  it('cancels a queued reminder that the quiet hours now leave no time for', () => {
    // Thursday 26 November 08:30 Rome: the 2-hour reminder (06:30, quiet) was queued for Wednesday 19:59 and did
    // not go; re-planned on Wednesday 21:00, only Thursday 08:00 is left, half an hour before the start.
    const early = { ...booked, start: Date.UTC(2026, 10, 26, 7, 30) };
    const row = stored(planAppointment(early, [], { ...context, rules: [twoHours] })[0]!, 401);
    expect(row.dueAt).toBe(Date.UTC(2026, 10, 25, 18, 59));
    const wednesdayNight = { ...context, rules: [twoHours], now: Date.UTC(2026, 10, 25, 20) };
    expect(planAppointment(early, [row], wednesdayNight)).toEqual([
      { kind: 'cancel', id: 401, reason: 'skipped: quiet hours leave no time to send it before the appointment' },
    ]);
  });

  it('changes the reason of a cancelled reminder that is now skipped for another reason', () => {
    const cancelled = planAppointment(soon, [], context).map((change, i) =>
      stored(change, 301 + i, { state: 'cancelled', error: 'the appointment was cancelled' }),
    );
    expect(planAppointment(soon, cancelled, context)).toEqual([
      { kind: 'reason', id: 301, reason: 'skipped: its time had already passed when it was planned' },
      expect.objectContaining({ kind: 'requeue', id: 302, dueAt: NOW }),
    ]);
  });
});

describe('a reminder queued on time and still waiting when re-planned', () => {
  // The 2-day reminder was due Tuesday 10:00 Rome; the channel was down and it is still queued.
  const [queued] = firstPlan();
  /** Tuesday 24 November 10:40 Rome: 40 minutes after it was due, past the grace for late planning. */
  const fortyMinutesLate = { ...context, now: queued!.dueAt + 40 * MINUTE };
  /** Tuesday 24 November 10:10 Rome. */
  const tenMinutesLate = { ...context, now: queued!.dueAt + 10 * MINUTE };

  it('is left queued, for the dispatcher to send or expire, rather than cancelled as planned too late', () => {
    expect(planAppointment(booked, [queued!], { ...fortyMinutesLate, rules: [twoDays] })).toEqual([]);
  });

  it('keeps its time on every pass, rather than being moved to "now" each time', () => {
    expect(planAppointment(booked, [queued!], { ...tenMinutesLate, rules: [twoDays] })).toEqual([]);
  });

  it('still gets a new text, at the time it already had', () => {
    expect(planAppointment({ ...booked, firstName: 'Mary' }, [queued!], { ...fortyMinutesLate, rules: [twoDays] })).toEqual([
      expect.objectContaining({ kind: 'update', id: 101, body: expect.stringContaining('Gentile Mary,') as unknown, dueAt: queued!.dueAt }),
    ]);
  });

  it('is still cancelled when the appointment is moved or cancelled', () => {
    expect(planAppointment({ ...booked, start: MOVED }, [queued!], { ...fortyMinutesLate, rules: [twoDays] })).toContainEqual({
      kind: 'cancel',
      id: 101,
      reason: 'the appointment was moved',
    });
    expect(planAppointment({ ...booked, status: 'cancelled' }, [queued!], { ...fortyMinutesLate, rules: [twoDays] })).toEqual([
      { kind: 'cancel', id: 101, reason: 'the appointment was cancelled' },
    ]);
  });
});

describe('an appointment that has started', () => {
  it('changes nothing, whatever its rows and status', () => {
    const rows = firstPlan();
    expect(planAppointment({ ...booked, status: 'cancelled' }, rows, { ...context, now: START })).toEqual([]);
    expect(planAppointment({ ...booked, start: MOVED }, rows, { ...context, now: MOVED + MINUTE })).toEqual([]);
    expect(planAppointment(booked, [], { ...context, now: START + HOUR })).toEqual([]);
  });

  it('is still planned one millisecond before it starts, when only late reminders remain', () => {
    // Everything is too late by then: the 2-hour reminder is skipped and inserted as such.
    const changes = planAppointment(booked, [], { ...context, now: START - 1, horizonEnd: START - 1 + 48 * HOUR });
    expect(inserts(changes).map((change) => change.skip)).toEqual([
      'skipped: its time had already passed when it was planned',
      'skipped: its time had already passed when it was planned',
    ]);
  });
});
