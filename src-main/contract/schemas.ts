import { z } from 'zod';
import { linkStates, smsChannelKinds } from './sms-schemas';

/** Instants cross the boundary as UTC epoch milliseconds, the same convention as the store. */
export const instantSchema = z.number().int().min(0).max(8_640_000_000_000_000);

/** A phone number in E.164: "+393331234567". */
export const e164Schema = z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'expected an international number such as +393331234567');

export const officeTypes = ['dental', 'legal', 'other'] as const;
export type OfficeType = (typeof officeTypes)[number];

export const languages = ['it', 'en'] as const;
export type Language = (typeof languages)[number];

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const settingsSchema = z.object({
  officeName: z.string().trim().max(120),
  /** E.164, or empty until the office sets it. */
  officePhone: z.string().trim().max(20),
  officeType: z.enum(officeTypes),
  /** null follows the computer's language. */
  language: z.enum(languages).nullable(),
  timeZone: z.string().refine(isTimeZone, 'not a known time zone (expected e.g. Europe/Rome)'),
  /** Region used to read phone numbers typed without a country code (ISO 3166 alpha-2). */
  defaultRegion: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code such as IT'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const smsChannelSchema = z.object({
  kind: z.enum(smsChannelKinds),
  /** False for the simulator: "no SMS leaves this computer". */
  sendsRealSms: z.boolean(),
  healthy: z.boolean(),
  state: z.enum(linkStates),
  detail: z.string(),
  /** 0–5, modem only. */
  signalBars: z.number().int().min(0).max(5).optional(),
  operator: z.string().optional(),
  lastError: z.string().optional(),
});
export type SmsChannelStatus = z.infer<typeof smsChannelSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  demo: z.boolean(),
  smsChannel: smsChannelSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const storeHealthSchema = z.object({
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  latestSchemaVersion: z.number().int(),
  /** "ok", or what PRAGMA quick_check found. */
  integrity: z.string(),
  smsChannel: smsChannelSchema,
  healthy: z.boolean(),
  problems: z.array(z.string()),
});
export type StoreHealth = z.infer<typeof storeHealthSchema>;

export const backupResultSchema = z.object({
  path: z.string(),
  bytes: z.number().int(),
  integrity: z.string(),
});

export const officeSummarySchema = z.object({
  clients: z.number().int(),
  staff: z.number().int(),
  rooms: z.number().int(),
  upcomingAppointments: z.number().int(),
  queuedMessages: z.number().int(),
});
export type OfficeSummary = z.infer<typeof officeSummarySchema>;

export const appointmentStatuses = [
  'booked',
  'confirmed',
  'cancel_requested',
  'cancelled',
  'done',
  'no_show',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const clientRowSchema = z.object({
  id: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  /** E.164 or null when the client gave no mobile. */
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  language: z.enum(languages),
  smsOptOut: z.boolean(),
});
export type ClientRow = z.infer<typeof clientRowSchema>;

export const namedRefSchema = z.object({ id: z.number().int(), name: z.string() });

export const agendaItemSchema = z.object({
  id: z.number().int(),
  start: instantSchema,
  end: instantSchema,
  status: z.enum(appointmentStatuses),
  client: namedRefSchema,
  staff: namedRefSchema.nullable(),
  room: namedRefSchema.nullable(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;
