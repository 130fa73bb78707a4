import type { AppointmentDetail } from '../../../src-main/contract/calendar-schemas';
import type { MethodInput } from '../../../src-main/contract/methods';
import type { AppointmentStatus } from '../../../src-main/contract/schemas';
import { addMonths, civilKey, parseCivilKey } from './civil-date';
import { officeInstant, officeWallTime } from './office-time';

export type RepeatKind = 'none' | 'weekly' | 'monthly';

/** The dialog's fields as the user sees them: the office's date and time, a length in minutes. */
export interface AppointmentFormValues {
  client: { id: number; name: string } | null;
  staffId: number | null;
  roomId: number | null;
  date: string;
  time: string;
  minutes: number;
  status: AppointmentStatus;
  notes: string;
  repeat: RepeatKind;
  interval: number;
  endsBy: 'count' | 'until';
  count: number;
  until: string;
}

export type CreateRequest = Omit<MethodInput<'appointments.create'>, 'confirmConflicts'>;
export type Changes = MethodInput<'appointments.update'>['changes'];

function clock(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

function wallFields(start: number, end: number, timeZone: string) {
  const wall = officeWallTime(start, timeZone);
  return { date: civilKey(wall.date), time: clock(wall.minuteOfDay), minutes: Math.max(1, Math.round((end - start) / 60_000)) };
}

export function formForNew(start: number, end: number, staffId: number | null, roomId: number | null, timeZone: string): AppointmentFormValues {
  const fields = wallFields(start, end, timeZone);
  const date = parseCivilKey(fields.date);
  return {
    client: null,
    staffId,
    roomId,
    ...fields,
    status: 'booked',
    notes: '',
    repeat: 'none',
    interval: 1,
    endsBy: 'count',
    count: 6,
    until: date ? civilKey(addMonths(date, 3)) : fields.date,
  };
}

export function formForExisting(detail: AppointmentDetail, timeZone: string): AppointmentFormValues {
  return {
    ...formForNew(detail.start, detail.end, detail.staff?.id ?? null, detail.room?.id ?? null, timeZone),
    client: { id: detail.client.id, name: detail.client.name },
    status: detail.status,
    notes: detail.notes,
  };
}

/** The start and end the fields describe; undefined while the date or time is incomplete. */
export function timesOf(values: AppointmentFormValues, timeZone: string): { start: number; end: number } | undefined {
  const date = parseCivilKey(values.date);
  const time = /^(\d{2}):(\d{2})$/.exec(values.time);
  if (!date || !time || values.minutes <= 0) return undefined;
  const start = officeInstant(date, Number(time[1]) * 60 + Number(time[2]), timeZone);
  return { start, end: start + values.minutes * 60_000 };
}

/** The create call the fields describe, or undefined while something required is missing. */
export function createRequestOf(values: AppointmentFormValues, timeZone: string): CreateRequest | undefined {
  const times = timesOf(values, timeZone);
  if (!values.client || !times) return undefined;
  const request: CreateRequest = {
    clientId: values.client.id,
    staffId: values.staffId,
    roomId: values.roomId,
    ...times,
    status: values.status,
    notes: values.notes,
  };
  if (values.repeat === 'none') return request;
  const frequency = values.repeat;
  return {
    ...request,
    recurrence:
      values.endsBy === 'count'
        ? { frequency, interval: values.interval, count: values.count }
        : { frequency, interval: values.interval, until: values.until },
  };
}

/** Only what the user changed, so "this and following" touches nothing else on the other appointments. */
export function changesOf(detail: AppointmentDetail, values: AppointmentFormValues, timeZone: string): Changes | undefined {
  const times = timesOf(values, timeZone);
  if (!values.client || !times) return undefined;
  const changes: Changes = {};
  if (values.client.id !== detail.client.id) changes.clientId = values.client.id;
  if (values.staffId !== (detail.staff?.id ?? null)) changes.staffId = values.staffId;
  if (values.roomId !== (detail.room?.id ?? null)) changes.roomId = values.roomId;
  if (times.start !== detail.start) changes.start = times.start;
  if (times.end !== detail.end) changes.end = times.end;
  if (values.status !== detail.status) changes.status = values.status;
  if (values.notes !== detail.notes) changes.notes = values.notes;
  return changes;
}
