import type { Conflict, WorkingHours } from '../../contract/calendar-schemas';
import { fitsWorkingHours } from './working-hours';

interface Ref {
  id: number;
  name: string;
}

/** Where an appointment is to go. */
export interface Placement {
  start: number;
  end: number;
  staff: Ref | null;
  room: Ref | null;
}

/** An appointment already in the calendar that still holds its slot (not cancelled). */
export interface BusyAppointment {
  id: number;
  start: number;
  end: number;
  staffId: number | null;
  roomId: number | null;
  clientName: string;
}

/**
 * Why `placement` should not go where asked: the room or the staff member is taken
 * by an overlapping appointment (touching ends do not overlap), or the time falls
 * outside the staff member's working hours.
 */
export function conflictsOf(
  placement: Placement,
  busy: readonly BusyAppointment[],
  staffHours: WorkingHours | undefined,
  timeZone: string,
): Conflict[] {
  const conflicts: Conflict[] = [];
  const base = { start: placement.start, end: placement.end, staff: placement.staff, room: placement.room };
  for (const other of busy) {
    if (other.start >= placement.end || other.end <= placement.start) continue;
    const summary = { id: other.id, start: other.start, end: other.end, clientName: other.clientName };
    if (placement.room && other.roomId === placement.room.id) conflicts.push({ ...base, kind: 'room_busy', other: summary });
    if (placement.staff && other.staffId === placement.staff.id) conflicts.push({ ...base, kind: 'staff_busy', other: summary });
  }
  if (placement.staff && staffHours && !fitsWorkingHours(placement.start, placement.end, staffHours, timeZone)) {
    conflicts.push({ ...base, kind: 'outside_working_hours', other: null });
  }
  return conflicts;
}
