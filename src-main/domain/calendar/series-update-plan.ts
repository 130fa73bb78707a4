import { ApiError } from '../../contract/errors';
import { MAX_APPOINTMENT_MS, type AppointmentChanges } from '../../contract/calendar-schemas';
import type { AppointmentRow } from '../../db/repositories/appointments-repository';
import { instantOfWallTime, shiftWallTime, wallMinutesBetween, wallTimeAt } from './civil-date';

/**
 * The rows after applying `changes` to `target` and, for "this and following", to
 * the later rows of its series. A move is applied as a shift of wall-clock time in
 * the office, so a series at 09:00 moved to 10:30 is at 10:30 on both sides of a
 * DST change; a new end sets the same length on every row.
 */
export function planRowsUpdate(
  target: AppointmentRow,
  rows: readonly AppointmentRow[],
  changes: AppointmentChanges,
  timeZone: string,
): AppointmentRow[] {
  const targetStart = changes.start ?? target.start;
  let length: number | undefined;
  if (changes.end !== undefined) {
    length = changes.end - targetStart;
    if (length <= 0 || length > MAX_APPOINTMENT_MS) {
      throw new ApiError('VALIDATION', 'changes.end: must be after start, at most 24 hours later', 'changes.end');
    }
  }
  const shift = changes.start === undefined ? 0 : wallMinutesBetween(wallTimeAt(target.start, timeZone), wallTimeAt(changes.start, timeZone));

  return rows.map((row) => {
    let start = row.start;
    if (row.id === target.id) start = targetStart;
    else if (shift !== 0) start = instantOfWallTime(shiftWallTime(wallTimeAt(row.start, timeZone), shift), timeZone);
    return {
      ...row,
      start,
      end: start + (length ?? row.end - row.start),
      clientId: changes.clientId ?? row.clientId,
      staffId: changes.staffId !== undefined ? changes.staffId : row.staffId,
      roomId: changes.roomId !== undefined ? changes.roomId : row.roomId,
      notes: changes.notes ?? row.notes,
      status: changes.status ?? row.status,
    };
  });
}
