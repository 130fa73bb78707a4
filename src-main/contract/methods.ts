import { z } from 'zod';
import {
  agendaItemSchema,
  appInfoSchema,
  backupResultSchema,
  clientRowSchema,
  instantSchema,
  officeSummarySchema,
  settingsSchema,
  storeHealthSchema,
} from './schemas';

const noInput = z.object({}).strict();
const MAX_AGENDA_RANGE_MS = 62 * 24 * 3600 * 1000;

/**
 * Every API method, declared once: its name, what it accepts and what it returns.
 * The Electron IPC bridge, the web bridge and the renderer's client are all built
 * from this map, so a method added here is reachable everywhere and nowhere else.
 */
export const methods = {
  'app.info': {
    input: noInput,
    output: appInfoSchema,
  },
  'settings.get': {
    input: noInput,
    output: settingsSchema,
  },
  'settings.update': {
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
  },
  'office.summary': {
    input: noInput,
    output: officeSummarySchema,
  },
  'store.health': {
    input: noInput,
    output: storeHealthSchema,
  },
  'store.backup': {
    input: z
      .object({
        path: z.string().min(1).refine((p) => /^([a-zA-Z]:[\\/]|[\\/])/.test(p), 'must be an absolute path'),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    output: backupResultSchema,
  },
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
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller passes (defaults still optional). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives, after validation filled the defaults. */
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

/** The core implements this: one handler per method. */
export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>>;
};

/** What the renderer calls: the same methods, with caller-side input types. */
export type ApiClient = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};
