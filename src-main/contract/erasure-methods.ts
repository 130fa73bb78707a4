import { z } from 'zod';
import { civilDateSchema } from './calendar-schemas';
import { clientIdSchema } from './clients-schemas';
import { noInput, type MethodMap } from './method-spec';
import { instantSchema } from './schemas';

const count = z.number().int().min(0);

/**
 * A date until which the office must keep a client's record, and why (e.g. "cartella
 * clinica: 10 anni"). While the office's today is on or before `until`, the hold is
 * active and erasure is refused with this explanation.
 */
export const legalHoldSchema = z.object({
  clientId: z.number().int(),
  /** "2036-03-01": a day in the office's calendar. */
  until: z.string(),
  reason: z.string(),
  active: z.boolean(),
});
export type LegalHold = z.infer<typeof legalHoldSchema>;

export const HOLD_REASON_MAX = 200;
export const ERASURE_REASON_MAX = 200;

export const holdSetSchema = z
  .object({
    clientId: clientIdSchema,
    until: civilDateSchema,
    reason: z.string().trim().min(1, 'must not be empty').max(HOLD_REASON_MAX),
  })
  .strict();

/** What erasing one client removes and what it keeps: the numbers the confirmation shows. */
export const erasureCountsSchema = z.object({
  /** Sent (or planned) SMS: deleted with their timelines and delivery parts; they hold the text and the number. */
  messages: count,
  /** Replies received from the client: deleted. */
  replies: count,
  /** Appointments from now on: deleted (the person will not come). */
  futureAppointments: count,
  /** Appointments already past: kept as anonymous rows, their notes cleared (the office's record of work done). */
  pastAppointments: count,
  /** Consent records: kept (the ledger is append-only and holds no name or number). */
  consentRecords: count,
  /** Evidence files attached to consent records: deleted from disk. */
  evidenceFiles: count,
});
export type ErasureCounts = z.infer<typeof erasureCountsSchema>;

export const erasurePreviewSchema = z.object({
  clientId: z.number().int(),
  /** "Rossi Mario", so the person at the desk sees whom they are about to erase. */
  name: z.string(),
  hold: legalHoldSchema.nullable(),
  /** Messages to the client the SMS channel has not answered yet: erasure waits until they are recorded. */
  sending: count,
  counts: erasureCountsSchema,
  /** Copies in the backups folder: they still hold the person until they age out. */
  backups: count,
});
export type ErasurePreview = z.infer<typeof erasurePreviewSchema>;

export const erasureResultSchema = z.object({
  clientId: z.number().int(),
  erasedAt: instantSchema,
  counts: erasureCountsSchema,
  /** Evidence files that could not be deleted (outside the data folder, or the disk refused): named in the log. */
  evidenceFilesLeft: count,
  /**
   * True once the database file was rewritten (VACUUM) and its write-ahead log
   * emptied, so no old copy of the person's data is left in either. False when
   * another program kept the log busy: retention's "Run now" tries again.
   */
  fileScrubbed: z.boolean(),
  backups: count,
});
export type ErasureResult = z.infer<typeof erasureResultSchema>;

export const retentionSettingsSchema = z
  .object({
    /** Texts of SMS sent longer ago than this are blanked (the row and its state stay, for counts). */
    messageMonths: z.number().int().min(1).max(120),
    /** Replies received longer ago than this are deleted. */
    repliesMonths: z.number().int().min(1).max(120),
    /** Audit log entries older than this are deleted. */
    auditYears: z.number().int().min(1).max(30),
  })
  .strict();
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export const defaultRetentionSettings: RetentionSettings = { messageMonths: 24, repliesMonths: 24, auditYears: 5 };

export const retentionRemovedSchema = z.object({
  messageTexts: count,
  replies: count,
  auditEntries: count,
});

export const retentionRunSchema = z.object({
  at: instantSchema,
  trigger: z.enum(['daily', 'manual']),
  /** Anything created before these instants was past its period. */
  cutoffs: z.object({ messageTexts: instantSchema, replies: instantSchema, auditLog: instantSchema }),
  removed: retentionRemovedSchema,
  /** Texts and replies past their period but kept, because their client is under a legal hold. */
  heldBack: count,
  /** As for an erasure: the file rewritten and its log emptied (only after a run that removed something, or by hand). */
  fileScrubbed: z.boolean(),
});
export type RetentionRun = z.infer<typeof retentionRunSchema>;

export const retentionStateSchema = z.object({
  settings: retentionSettingsSchema,
  lastRun: retentionRunSchema.nullable(),
});
export type RetentionState = z.infer<typeof retentionStateSchema>;

const byClient = z.object({ clientId: clientIdSchema }).strict();

/**
 * Erasure (GDPR Art. 17), legal holds and retention. Erasure answers CONFLICT when a
 * legal hold is active (the message quotes its reason and date), when the client was
 * already erased, or while a message to the client is with the SMS channel.
 */
export const erasureMethods = {
  /** What erasing the client would remove and keep, the hold if any, and how many backups still hold them. */
  'privacy.erase.preview': { input: byClient, output: erasurePreviewSchema },
  /**
   * Erases the client: name, numbers, e-mail, notes, messages and replies; past
   * appointments stay as anonymous rows; the file is rewritten so no copy remains.
   * The reason goes into the audit log, so it must not name the person.
   */
  'privacy.erase': {
    input: z
      .object({ clientId: clientIdSchema, reason: z.string().trim().min(3, 'at least 3 characters').max(ERASURE_REASON_MAX) })
      .strict(),
    output: erasureResultSchema,
  },
  /** Sets (or replaces) the client's legal hold; the date must not have passed. */
  'privacy.hold.set': { input: holdSetSchema, output: legalHoldSchema },
  'privacy.hold.clear': { input: byClient, output: z.object({ clientId: z.number().int() }) },
  /** The client's hold, or null: what a badge on the client page shows. */
  'privacy.hold.get': { input: byClient, output: legalHoldSchema.nullable() },
  /** Every client with a hold (active or expired), soonest end first, with their names. */
  'privacy.hold.list': {
    input: noInput,
    output: z.array(legalHoldSchema.extend({ name: z.string() })),
  },
  'privacy.retention.get': { input: noInput, output: retentionStateSchema },
  'privacy.retention.update': { input: retentionSettingsSchema, output: retentionStateSchema },
  /** Applies the retention periods now (the daily job does the same), and rewrites the file. */
  'privacy.retention.run': { input: noInput, output: retentionRunSchema },
} as const satisfies MethodMap;
