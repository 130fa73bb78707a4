import { z } from 'zod';
import {
  appointmentCreateCallSchema,
  appointmentCreateSchema,
  appointmentDetailSchema,
  appointmentUpdateCallSchema,
  appointmentUpdateSchema,
  appointmentWriteResultSchema,
  calendarItemSchema,
  clientAppointmentStatsSchema,
  conflictSchema,
  reorderSchema,
  roomFieldsSchema,
  roomSchema,
  seriesScopes,
  staffFieldsSchema,
  staffMemberSchema,
} from './calendar-schemas';
import type { MethodMap } from './method-spec';
import { instantSchema } from './schemas';

const MAX_AGENDA_RANGE_MS = 62 * 24 * 3600 * 1000;
const idSchema = z.number().int().positive();
const byId = z.object({ id: idSchema }).strict();
const listFilter = z.object({ includeInactive: z.boolean().default(true) }).strict();

/**
 * The calendar: staff and rooms with their working hours, and appointments.
 * Creating or moving an appointment onto a busy room or staff member, or outside
 * working hours, is refused with CONFLICT unless `confirmConflicts` is true;
 * `appointments.conflicts` lists what a create or update would run into.
 */
export const calendarMethods = {
  'staff.list': { input: listFilter, output: z.object({ items: z.array(staffMemberSchema) }) },
  'staff.create': { input: staffFieldsSchema, output: staffMemberSchema },
  'staff.update': {
    input: z.object({ id: idSchema, changes: staffFieldsSchema.partial().strict() }).strict(),
    output: staffMemberSchema,
  },
  'staff.reorder': { input: reorderSchema, output: z.object({ items: z.array(staffMemberSchema) }) },

  'rooms.list': { input: listFilter, output: z.object({ items: z.array(roomSchema) }) },
  'rooms.create': { input: roomFieldsSchema, output: roomSchema },
  'rooms.update': {
    input: z.object({ id: idSchema, changes: roomFieldsSchema.partial().strict() }).strict(),
    output: roomSchema,
  },
  'rooms.reorder': { input: reorderSchema, output: z.object({ items: z.array(roomSchema) }) },

  'appointments.list': {
    input: z
      .object({ from: instantSchema, to: instantSchema })
      .strict()
      .refine((r) => r.to > r.from, { message: 'must be after from', path: ['to'] })
      .refine((r) => r.to - r.from <= MAX_AGENDA_RANGE_MS, {
        message: 'range longer than 62 days',
        path: ['to'],
      }),
    output: z.object({ items: z.array(calendarItemSchema) }),
  },
  'appointments.get': { input: byId, output: appointmentDetailSchema },
  'appointments.create': {
    input: appointmentCreateCallSchema,
    output: appointmentWriteResultSchema,
  },
  'appointments.update': {
    input: appointmentUpdateCallSchema,
    output: appointmentWriteResultSchema,
  },
  /** For entries made by mistake; a real cancellation is a status change, which keeps the history. */
  'appointments.delete': {
    input: z.object({ id: idSchema, scope: z.enum(seriesScopes).default('one') }).strict(),
    output: z.object({ count: z.number().int() }),
  },
  'appointments.conflicts': {
    input: z.union([
      z.object({ create: appointmentCreateSchema }).strict(),
      z.object({ update: appointmentUpdateSchema }).strict(),
    ]),
    output: z.object({ conflicts: z.array(conflictSchema) }),
  },
  'appointments.clientStats': {
    input: z.object({ clientId: idSchema }).strict(),
    output: clientAppointmentStatsSchema,
  },
} as const satisfies MethodMap;
