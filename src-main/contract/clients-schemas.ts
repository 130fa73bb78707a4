import { z } from 'zod';
import { appointmentStatuses, clientRowSchema, instantSchema, languages } from './schemas';

export const clientIdSchema = z.number().int().positive();

/** One client as lists show it: the shared row plus the mobile grouped for reading and the archive state. */
export const clientSummarySchema = clientRowSchema.extend({
  /** "+39 333 123 4567", formatted by the core; null when there is no mobile. */
  mobileDisplay: z.string().nullable(),
  archived: z.boolean(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const NAME_MAX = 80;
export const NOTES_MAX = 2000;
export const EMAIL_MAX = 254;

/** A last name is required; a first name may be empty (a company, a "Sig. Rossi" known by surname only). */
const lastNameSchema = z.string().trim().min(1, 'must not be empty').max(NAME_MAX);
const firstNameSchema = z.string().trim().max(NAME_MAX);
/** As typed: the core reads it with the office's default region and stores E.164. Empty or null: no mobile. */
const mobileInputSchema = z.string().trim().max(40).nullable();
const emailSchema = z
  .string()
  .trim()
  .max(EMAIL_MAX)
  .refine((text) => text === '' || z.email().safeParse(text).success, 'not an e-mail address such as name@example.it')
  .nullable();
const notesSchema = z.string().max(NOTES_MAX);

/** The editable fields, all optional: the base of both create (with defaults) and update (changes only). */
const editableFields = {
  firstName: firstNameSchema,
  lastName: lastNameSchema,
  mobile: mobileInputSchema,
  email: emailSchema,
  language: z.enum(languages),
  notes: notesSchema,
};

/**
 * A new client. A mobile already used by another client is refused with CONFLICT
 * (field "mobile") unless `allowDuplicate` is true: the UI shows who has it
 * (`clients.checkMobile`) and lets the user go ahead.
 */
export const clientCreateSchema = z
  .object({
    firstName: firstNameSchema.default(''),
    lastName: lastNameSchema,
    mobile: mobileInputSchema.optional(),
    email: emailSchema.optional(),
    /** Defaults to the office language (Italian when the office follows the computer). */
    language: z.enum(languages).optional(),
    notes: notesSchema.default(''),
    allowDuplicate: z.boolean().default(false),
  })
  .strict();
export type ClientCreate = z.infer<typeof clientCreateSchema>;

export const clientChangesSchema = z
  .object(editableFields)
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'nothing to change');
export type ClientChanges = z.infer<typeof clientChangesSchema>;

export const clientUpdateSchema = z
  .object({ id: clientIdSchema, changes: clientChangesSchema, allowDuplicate: z.boolean().default(false) })
  .strict();

export const clientSortOrders = ['lastName', 'firstName', 'newest'] as const;
export type ClientSortOrder = (typeof clientSortOrders)[number];

export const clientListSchema = z
  .object({
    /** Words that must all match: name beginnings ("ross", "mar bia") or phone digits ("333"). */
    query: z.string().max(100).default(''),
    /** Absent: by last name. (Optional rather than defaulted, so callers of the older two-field form still type-check.) */
    sort: z.enum(clientSortOrders).optional(),
    /** True lists the archived clients instead of the active ones; absent: the active ones. */
    archived: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const phoneProblems = ['too_short', 'too_long', 'invalid_country', 'not_a_number', 'invalid', 'not_mobile'] as const;
export type PhoneProblem = (typeof phoneProblems)[number];

/** What a typed mobile number reads as, and who already has it. */
export const mobileCheckSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** Null when the field was empty. */
    e164: z.string().nullable(),
    display: z.string().nullable(),
    duplicates: z.array(clientSummarySchema),
  }),
  z.object({ ok: z.literal(false), problem: z.enum(phoneProblems), message: z.string() }),
]);
export type MobileCheck = z.infer<typeof mobileCheckSchema>;

export const clientAppointmentSchema = z.object({
  id: z.number().int(),
  start: instantSchema,
  end: instantSchema,
  status: z.enum(appointmentStatuses),
  staffName: z.string().nullable(),
  roomName: z.string().nullable(),
});
export type ClientAppointment = z.infer<typeof clientAppointmentSchema>;

export const clientMessageSchema = z.object({
  direction: z.enum(['out', 'in']),
  at: instantSchema,
  body: z.string(),
  /** Outgoing: the outbox state (queued, delivered, failed…); incoming: what the reply was read as. */
  state: z.string(),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const consentPurposes = ['reminders', 'recall', 'marketing'] as const;
export const consentSummarySchema = z.object({
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  method: z.string(),
  recordedAt: instantSchema,
});

/** How many of the most recent appointments and messages the client page shows. */
export const CLIENT_PAGE_ITEMS = 50;

export const clientDetailSchema = z.object({
  client: clientSummarySchema.extend({
    notes: z.string(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    archivedAt: instantSchema.nullable(),
  }),
  /** Soonest first. */
  upcoming: z.array(clientAppointmentSchema),
  /** Latest first, at most CLIENT_PAGE_ITEMS. */
  past: z.array(clientAppointmentSchema),
  pastTotal: z.number().int(),
  noShows: z.number().int(),
  /** Sent and received, latest first, at most CLIENT_PAGE_ITEMS. */
  messages: z.array(clientMessageSchema),
  /** The latest record for each purpose that has one. */
  consents: z.array(consentSummarySchema),
});
export type ClientDetail = z.infer<typeof clientDetailSchema>;

/** A file handed to the UI to save: its suggested name and its text. */
export const textFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });
