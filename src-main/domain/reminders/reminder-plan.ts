import type { ReminderRule, ReminderSettings } from '../../contract/reminders-schemas';
import { messageReasons, reasonFormats } from '../../contract/message-reasons';
import type { AppointmentStatus, Language } from '../../contract/schemas';
import { renderTemplate, textCost } from './reminder-template';
import { nominalDue, reminderTiming } from './reminder-timing';

/** An appointment with what planning needs to know about its client. */
export interface PlanAppointment {
  id: number;
  start: number;
  status: AppointmentStatus;
  staffId: number | null;
  roomId: number | null;
  staffName: string | null;
  clientId: number;
  firstName: string;
  language: Language;
  mobile: string | null;
  /** False when the client opted out of SMS, withdrew consent to reminders, or was erased. */
  reachable: boolean;
}

/** A reminder row already in the outbox for one of the appointments. */
export interface ExistingReminder {
  id: number;
  appointmentId: number;
  ruleId: number | null;
  appointmentStart: number;
  state: string;
  toPhone: string;
  body: string;
  dueAt: number;
  error: string | null;
  heldByStaff: boolean;
}

export interface PlannedText {
  toPhone: string;
  body: string;
  encoding: 'gsm7' | 'ucs2';
  segments: number;
  dueAt: number;
}

export type PlanChange =
  | ({ kind: 'insert'; appointmentId: number; ruleId: number; start: number; clientId: number; skip: string | null } & PlannedText)
  /** A queued reminder whose text, number or time changed. */
  | ({ kind: 'update'; id: number } & PlannedText)
  /** A reminder the planner cancelled earlier that applies again (the appointment moved back, the rule is on again). */
  | ({ kind: 'requeue'; id: number } & PlannedText)
  | { kind: 'cancel'; id: number; reason: string }
  /** A cancelled reminder whose reason for not going changed. */
  | { kind: 'reason'; id: number; reason: string };

export interface PlanContext {
  now: number;
  /** Reminders due after this are planned later, by a later pass. */
  horizonEnd: number;
  rules: readonly ReminderRule[];
  settings: ReminderSettings;
  timeZone: string;
  officeName: string;
  officePhone: string;
}

const REMINDED_STATUSES: ReadonlySet<AppointmentStatus> = new Set(['booked', 'confirmed']);

/** Why an appointment gets no reminders at all, or null when it may. */
function noRemindersReason(appointment: PlanAppointment): string | null {
  if (appointment.status === 'cancelled') return messageReasons.appointmentCancelled;
  if (appointment.status === 'cancel_requested') return messageReasons.cancelRequested;
  if (!REMINDED_STATUSES.has(appointment.status)) return messageReasons.appointmentClosed;
  if (appointment.mobile === null) return messageReasons.noMobile;
  if (!appointment.reachable) return messageReasons.optedOut;
  return null;
}

export function ruleApplies(rule: ReminderRule, appointment: Pick<PlanAppointment, 'staffId' | 'roomId'>): boolean {
  if (!rule.active) return false;
  if (rule.staffIds !== null && (appointment.staffId === null || !rule.staffIds.includes(appointment.staffId))) return false;
  if (rule.roomIds !== null && (appointment.roomId === null || !rule.roomIds.includes(appointment.roomId))) return false;
  return true;
}

type Desired = { kind: 'due'; text: PlannedText } | { kind: 'skip'; reason: string; text: PlannedText };

function sameText(row: ExistingReminder, text: PlannedText): boolean {
  return row.toPhone === text.toPhone && row.body === text.body && row.dueAt === text.dueAt;
}

/**
 * What must change in the outbox so that `appointment` has exactly the reminders
 * its rules ask for: pure, so the same answer comes from any number of runs
 * (planning is idempotent; the unique key in the store backs this up). Rows that
 * were sent, are being sent, or were cancelled by staff are never touched.
 */
export function planAppointment(appointment: PlanAppointment, existing: readonly ExistingReminder[], context: PlanContext): PlanChange[] {
  // Started appointments are the dispatcher's business (it expires what is left).
  if (appointment.start <= context.now) return [];
  const changes: PlanChange[] = [];
  const none = noRemindersReason(appointment);
  const desired = new Map<number, Desired>();
  if (none === null && appointment.mobile !== null) {
    for (const rule of context.rules) {
      if (!ruleApplies(rule, appointment)) continue;
      const timing = reminderTiming({
        start: appointment.start,
        offsetMinutes: rule.offsetMinutes,
        now: context.now,
        settings: context.settings,
        timeZone: context.timeZone,
      });
      const template = appointment.language === 'en' ? rule.templateEn : rule.templateIt;
      const body = renderTemplate(
        template,
        {
          firstName: appointment.firstName,
          start: appointment.start,
          timeZone: context.timeZone,
          officeName: context.officeName,
          officePhone: context.officePhone,
          staffName: appointment.staffName ?? '',
        },
        appointment.language,
      );
      const { encoding, segments } = textCost(body);
      const dueAt = timing.kind === 'due' ? timing.at : nominalDue(appointment.start, rule.offsetMinutes, context.timeZone);
      const text = { toPhone: appointment.mobile, body, encoding, segments, dueAt };
      desired.set(rule.id, timing.kind === 'due' ? { kind: 'due', text } : { kind: 'skip', reason: reasonFormats.skipped(timing.reason), text });
    }
  }

  const matched = new Set<number>();
  for (const row of existing) {
    const wanted = row.ruleId !== null && row.appointmentStart === appointment.start ? desired.get(row.ruleId) : undefined;
    if (wanted && row.ruleId !== null) matched.add(row.ruleId);
    if (row.heldByStaff) continue;
    if (row.state === 'queued') {
      if (!wanted) changes.push({ kind: 'cancel', id: row.id, reason: cancelReason(row, appointment, none) });
      else if (row.dueAt <= context.now && wanted.text.dueAt <= context.now) {
        // Queued in time and already due (the channel is down, a retry is waiting): whether it still goes is
        // the dispatcher's call at send time. Re-planning it now would call it "planned too late", or move it
        // to "now" on every pass; only its text and number are kept up to date.
        const text = { ...wanted.text, dueAt: row.dueAt };
        if (!sameText(row, text)) changes.push({ kind: 'update', id: row.id, ...text });
      } else if (wanted.kind === 'skip') changes.push({ kind: 'cancel', id: row.id, reason: wanted.reason });
      else if (!sameText(row, wanted.text)) changes.push({ kind: 'update', id: row.id, ...wanted.text });
    } else if (row.state === 'cancelled' && wanted) {
      if (wanted.kind === 'due') changes.push({ kind: 'requeue', id: row.id, ...wanted.text });
      else if (row.error !== wanted.reason) changes.push({ kind: 'reason', id: row.id, reason: wanted.reason });
    }
  }
  for (const [ruleId, wanted] of desired) {
    if (matched.has(ruleId)) continue;
    // Far-off reminders are planned when they come within the horizon, with the texts and settings of then.
    if (wanted.text.dueAt > context.horizonEnd) continue;
    changes.push({
      kind: 'insert',
      appointmentId: appointment.id,
      ruleId,
      start: appointment.start,
      clientId: appointment.clientId,
      skip: wanted.kind === 'skip' ? wanted.reason : null,
      ...wanted.text,
    });
  }
  return changes;
}

function cancelReason(row: ExistingReminder, appointment: PlanAppointment, none: string | null): string {
  if (none !== null) return none;
  if (row.appointmentStart !== appointment.start) return messageReasons.appointmentMoved;
  return messageReasons.ruleNoLongerApplies;
}
