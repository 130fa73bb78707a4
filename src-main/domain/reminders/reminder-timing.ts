import type { ReminderSettings } from '../../contract/reminders-schemas';
import { messageReasons, type MessageReason } from '../../contract/message-reasons';
import { instantOfWallTime, shiftWallTime, wallTimeAt } from '../calendar/civil-date';
import { quietPeriodAt } from './quiet-hours';

const MINUTE = 60_000;

/**
 * A reminder whose time passed less than this long ago when it is planned (the
 * office PC was off, a rule was just switched on) still goes at once; one older
 * than that is skipped rather than arriving out of the blue.
 */
export const LATE_GRACE_MS = 30 * MINUTE;

export type ReminderTiming = { kind: 'due'; at: number } | { kind: 'skip'; reason: MessageReason };

export interface TimingInput {
  /** The appointment's start, UTC epoch ms. */
  start: number;
  offsetMinutes: number;
  now: number;
  settings: ReminderSettings;
  timeZone: string;
}

/**
 * The offset's whole days count on the wall clock ("2 days before" a Monday 09:00
 * is Saturday 09:00, even across a change of the clocks); the rest is elapsed time
 * ("2 hours before" is two real hours).
 */
export function nominalDue(start: number, offsetMinutes: number, timeZone: string): number {
  const days = Math.floor(offsetMinutes / 1440);
  const rest = offsetMinutes - days * 1440;
  const dayShifted = days === 0 ? start : instantOfWallTime(shiftWallTime(wallTimeAt(start, timeZone), -days * 1440), timeZone);
  return dayShifted - rest * MINUTE;
}

/**
 * When a reminder goes: `offsetMinutes` before the start, moved out of quiet hours
 * to the last allowed minute before them, or else to their end if that still
 * leaves the minimum lead time before the appointment; otherwise skipped, with a
 * reason the message log shows.
 */
export function reminderTiming({ start, offsetMinutes, now, settings, timeZone }: TimingInput): ReminderTiming {
  const latest = start - settings.minLeadMinutes * MINUTE;
  let due = nominalDue(start, offsetMinutes, timeZone);
  if (due < now) {
    if (now - due > LATE_GRACE_MS) return { kind: 'skip', reason: messageReasons.lateWhenPlanned };
    due = now;
  }
  const quiet = quietPeriodAt(due, settings, timeZone);
  if (quiet) {
    const lastBefore = quiet.start - MINUTE;
    if (lastBefore >= now) due = lastBefore;
    else if (quiet.end <= latest) due = quiet.end;
    else return { kind: 'skip', reason: messageReasons.quietLeavesNoTime };
  }
  if (due > latest) return { kind: 'skip', reason: messageReasons.lessThanLead };
  return { kind: 'due', at: due };
}
