import { z } from 'zod';
import { agendaItemSchema, appointmentStatuses, instantSchema, namedRefSchema } from './schemas';

const idSchema = z.number().int().positive();

/** "08:30"; "24:00" is allowed as the end of a day. */
export const clockTimeSchema = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a time such as 08:30');

/** "2026-11-24": a day in the office's calendar, with no time and no zone. */
export const civilDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2026-11-24')
  .refine((text) => {
    const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'not a calendar date');

export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as #1c7ed6');

/**
 * One working interval. Weekdays are ISO: 1 is Monday, 7 is Sunday. A day with a
 * lunch break has two intervals; a day with none is a day off.
 */
export const workingIntervalSchema = z
  .object({ weekday: z.number().int().min(1).max(7), from: clockTimeSchema, to: clockTimeSchema })
  .strict()
  .refine((interval) => interval.from < interval.to, { message: 'must end after it starts', path: ['to'] });
export type WorkingInterval = z.infer<typeof workingIntervalSchema>;

/** Empty means "no hours set": nothing is flagged as outside them. */
export const workingHoursSchema = z.array(workingIntervalSchema).max(7 * 4);
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const staffRoles = ['dentist', 'hygienist', 'lawyer', 'assistant', 'other'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffMemberSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(staffRoles),
  color: colorSchema,
  workingHours: workingHoursSchema,
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const roomSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  color: colorSchema,
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type Room = z.infer<typeof roomSchema>;

const nameSchema = z.string().trim().min(1, 'must not be empty').max(80);

export const staffFieldsSchema = z
  .object({
    name: nameSchema,
    role: z.enum(staffRoles).default('other'),
    color: colorSchema.default('#228be6'),
    workingHours: workingHoursSchema.default([]),
    active: z.boolean().default(true),
  })
  .strict();

export const roomFieldsSchema = z
  .object({ name: nameSchema, color: colorSchema.default('#868e96'), active: z.boolean().default(true) })
  .strict();

/** The new order of every staff member or room, by id; the first is shown first. */
export const reorderSchema = z.object({ ids: z.array(idSchema).min(1).max(500) }).strict();

/** What the calendar draws: the agenda fields plus what an event shows at a glance. */
export const calendarItemSchema = agendaItemSchema.extend({
  seriesId: z.string().nullable(),
  notes: z.string(),
});
export type CalendarItem = z.infer<typeof calendarItemSchema>;

/** The most occurrences one series may have: two years of weekly visits. */
export const MAX_OCCURRENCES = 104;
export const MAX_APPOINTMENT_MS = 24 * 3600 * 1000;

export const recurrenceSchema = z
  .object({
    /** Monthly repeats on the same day of the month (the last day in shorter months). */
    frequency: z.enum(['weekly', 'monthly']),
    /** Every N weeks or months. */
    interval: z.number().int().min(1).max(12).default(1),
    /** How many appointments in all, the first included… */
    count: z.number().int().min(2).max(MAX_OCCURRENCES).optional(),
    /** …or the last day (included) in the office's calendar. */
    until: civilDateSchema.optional(),
  })
  .strict()
  .refine((rule) => (rule.count === undefined) !== (rule.until === undefined), {
    message: 'give either count or until',
    path: ['count'],
  });
export type Recurrence = z.infer<typeof recurrenceSchema>;

const appointmentFields = {
  clientId: idSchema,
  staffId: idSchema.nullable(),
  roomId: idSchema.nullable(),
  start: instantSchema,
  end: instantSchema,
  notes: z.string().max(2000),
  status: z.enum(appointmentStatuses),
};

function lastsAtMostADay(value: { start?: number | undefined; end?: number | undefined }): boolean {
  if (value.start === undefined || value.end === undefined) return true;
  return value.end > value.start && value.end - value.start <= MAX_APPOINTMENT_MS;
}
const durationIssue = { message: 'must be after start, at most 24 hours later', path: ['end'] };

const appointmentCreateObject = z
  .object({
    ...appointmentFields,
    notes: appointmentFields.notes.default(''),
    status: appointmentFields.status.default('booked'),
    recurrence: recurrenceSchema.optional(),
  })
  .strict();
export const appointmentCreateSchema = appointmentCreateObject.refine(lastsAtMostADay, durationIssue);
export type AppointmentCreate = z.infer<typeof appointmentCreateSchema>;

/** Without it a write that runs into conflicts is refused; with it the user has seen them and goes ahead. */
const confirmConflicts = { confirmConflicts: z.boolean().default(false) };

export const appointmentCreateCallSchema = appointmentCreateObject
  .extend(confirmConflicts)
  .refine(lastsAtMostADay, durationIssue);

/** "one": only this appointment; "following": this one and the later ones of its series. */
export const seriesScopes = ['one', 'following'] as const;
export type SeriesScope = (typeof seriesScopes)[number];

export const appointmentChangesSchema = z
  .object(appointmentFields)
  .partial()
  .strict()
  .refine(lastsAtMostADay, durationIssue)
  .refine((changes) => Object.keys(changes).length > 0, 'nothing to change');
export type AppointmentChanges = z.infer<typeof appointmentChangesSchema>;

export const appointmentUpdateSchema = z
  .object({ id: idSchema, scope: z.enum(seriesScopes).default('one'), changes: appointmentChangesSchema })
  .strict();
export type AppointmentUpdate = z.infer<typeof appointmentUpdateSchema>;

export const appointmentUpdateCallSchema = appointmentUpdateSchema.extend(confirmConflicts);

export const conflictKinds = ['room_busy', 'staff_busy', 'outside_working_hours'] as const;

/** One reason an appointment (or one occurrence of a series) should not go where asked. */
export const conflictSchema = z.object({
  kind: z.enum(conflictKinds),
  /** The appointment or occurrence concerned. */
  start: instantSchema,
  end: instantSchema,
  staff: namedRefSchema.nullable(),
  room: namedRefSchema.nullable(),
  /** For room_busy and staff_busy: what is already booked there. */
  other: z.object({ id: z.number().int(), start: instantSchema, end: instantSchema, clientName: z.string() }).nullable(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const appointmentDetailSchema = z.object({
  id: z.number().int(),
  start: instantSchema,
  end: instantSchema,
  status: z.enum(appointmentStatuses),
  notes: z.string(),
  client: z.object({
    id: z.number().int(),
    name: z.string(),
    mobile: z.string().nullable(),
    /** How many times this client did not turn up. */
    noShows: z.number().int(),
  }),
  staff: namedRefSchema.nullable(),
  room: namedRefSchema.nullable(),
  /** Where this appointment sits in its series (1-based), or null for a single one. */
  series: z.object({ id: z.string(), position: z.number().int(), count: z.number().int() }).nullable(),
});
export type AppointmentDetail = z.infer<typeof appointmentDetailSchema>;

/** What a write did: the appointment asked about, how many rows it touched, and the conflicts the user accepted. */
export const appointmentWriteResultSchema = z.object({
  appointment: appointmentDetailSchema,
  count: z.number().int(),
  conflicts: z.array(conflictSchema),
});

export const clientAppointmentStatsSchema = z.object({
  total: z.number().int(),
  upcoming: z.number().int(),
  noShows: z.number().int(),
  cancelled: z.number().int(),
});

/** The payload of the `appointments.changed` event: which appointments, never who. */
export const appointmentsChangedSchema = z.object({ ids: z.array(z.number().int()) });
