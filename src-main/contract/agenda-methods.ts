import { z } from 'zod';
import { agendaItemSchema, clientRowSchema, instantSchema } from './schemas';
import type { MethodMap } from './method-spec';

const MAX_AGENDA_RANGE_MS = 62 * 24 * 3600 * 1000;

/** Reading the client list and the calendar. */
export const agendaMethods = {
  'clients.list': {
    input: z
      .object({
        query: z.string().max(100).default(''),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    output: z.object({ total: z.number().int(), items: z.array(clientRowSchema) }),
  },
  'appointments.list': {
    input: z
      .object({ from: instantSchema, to: instantSchema })
      .strict()
      .refine((r) => r.to > r.from, { message: 'must be after from', path: ['to'] })
      .refine((r) => r.to - r.from <= MAX_AGENDA_RANGE_MS, {
        message: 'range longer than 62 days',
        path: ['to'],
      }),
    output: z.object({ items: z.array(agendaItemSchema) }),
  },
} as const satisfies MethodMap;
