import { z } from 'zod';
import { clientIdSchema, clientSummarySchema, consentPurposes } from './clients-schemas';
import type { MethodMap } from './method-spec';
import { instantSchema } from './schemas';

export { consentPurposes };
export type ConsentPurpose = (typeof consentPurposes)[number];

/**
 * How the client said it. `import` is for records brought in from other software;
 * `sms_keyword` is also what a "STOP" reply records by itself.
 */
export const consentMethods = ['paper', 'verbal', 'sms_keyword', 'email', 'import'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/**
 * Where a client stands for one purpose: the last record's word, or `none` when
 * nothing was ever recorded. What `none` means depends on the purpose's lawful
 * basis: reminders are part of the care or legal mandate (sent unless the client
 * objects), recall and marketing need an explicit opt-in (not sent).
 */
export const consentStates = ['granted', 'withdrawn', 'none'] as const;
export type ConsentState = (typeof consentStates)[number];

export const lawfulBases = { reminders: 'mandate', recall: 'consent', marketing: 'consent' } as const satisfies Record<
  ConsentPurpose,
  'mandate' | 'consent'
>;

/** The largest evidence file (a scanned form, a photo, a saved e-mail), in bytes. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
/** What an evidence file may be: documents, images and saved e-mails, nothing that runs. */
export const evidenceExtensions = ['pdf', 'jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'tif', 'tiff', 'txt', 'eml', 'msg', 'doc', 'docx', 'odt'] as const;

export const RECORDED_BY_MAX = 80;
export const NOTICE_VERSION_MAX = 40;

/** The lower-case extension of a file name ("Modulo.PDF" → "pdf"), or '' when it has none. */
export function fileExtension(fileName: string): string {
  const match = /\.([^./\\]+)$/.exec(fileName.trim());
  return match?.[1]?.toLowerCase() ?? '';
}

export const consentIdSchema = z.number().int().positive();

const evidenceUploadSchema = z
  .object({
    /** Only its extension is kept: the stored file gets a random name, so no person's name ends up in a path. */
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .refine(
        (name) => (evidenceExtensions as readonly string[]).includes(fileExtension(name)),
        `must be one of: ${evidenceExtensions.join(', ')}`,
      ),
    /** The file's bytes, base64. */
    contentBase64: z
      .string()
      .min(1, 'the file is empty')
      .max(Math.ceil(MAX_EVIDENCE_BYTES / 3) * 4, 'the file is larger than 5 MB')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64'),
  })
  .strict();

export const consentRecordInputSchema = z
  .object({
    clientId: clientIdSchema,
    purpose: z.enum(consentPurposes),
    /** True records consent (or lifts an objection); false a withdrawal or objection. */
    granted: z.boolean(),
    method: z.enum(consentMethods),
    /** The staff member who took it, as typed or chosen; absent: the office's shared user. */
    recordedBy: z.string().trim().min(1, 'must not be empty').max(RECORDED_BY_MAX).optional(),
    /**
     * The privacy-notice version the client was shown. Absent: the office's current
     * version (null when none is set); null or empty: none was shown.
     */
    noticeVersion: z.string().trim().max(NOTICE_VERSION_MAX).nullable().optional(),
    evidence: evidenceUploadSchema.optional(),
  })
  .strict();
export type ConsentRecordInput = z.infer<typeof consentRecordInputSchema>;

/** One entry of the append-only ledger. */
export const consentEntrySchema = z.object({
  id: consentIdSchema,
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  method: z.enum(consentMethods),
  recordedBy: z.string(),
  noticeVersion: z.string().nullable(),
  recordedAt: instantSchema,
  /** An evidence file is kept (fetch it with consents.evidence). */
  hasEvidence: z.boolean(),
});
export type ConsentEntry = z.infer<typeof consentEntrySchema>;

export const consentCurrentSchema = z.object({
  purpose: z.enum(consentPurposes),
  state: z.enum(consentStates),
  /** The record that decides the state; null when state is `none`. */
  latest: consentEntrySchema.nullable(),
});
export type ConsentCurrent = z.infer<typeof consentCurrentSchema>;

/** One client's ledger: where they stand per purpose, and every record. */
export const clientConsentsSchema = z.object({
  clientId: clientIdSchema,
  /** The client asked for no SMS at all (a "STOP" reply or a withdrawal of reminders): nothing is sent. */
  smsOptOut: z.boolean(),
  /** In the order of consentPurposes, one per purpose. */
  current: z.array(consentCurrentSchema),
  /** Latest first. */
  history: z.array(consentEntrySchema),
  /** The office's current privacy-notice version, what a new record is given by default; null when none is set. */
  noticeVersion: z.string().nullable(),
});
export type ClientConsents = z.infer<typeof clientConsentsSchema>;

const stateCountsSchema = z.object({ granted: z.number().int(), withdrawn: z.number().int(), none: z.number().int() });
export type ConsentStateCounts = z.infer<typeof stateCountsSchema>;

export const consentOverviewInputSchema = z
  .object({
    /** The purpose the state filter applies to. */
    purpose: z.enum(consentPurposes).default('reminders'),
    /** Absent: every client. */
    state: z.enum(consentStates).optional(),
    /** Name beginnings or phone digits, as in the client list. */
    query: z.string().max(100).default(''),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

const overviewCellSchema = z.object({
  state: z.enum(consentStates),
  method: z.enum(consentMethods).nullable(),
  recordedAt: instantSchema.nullable(),
});

export const consentOverviewSchema = z.object({
  /** Over every client not erased (archived ones too), whatever the filters. */
  counts: z.object({ reminders: stateCountsSchema, recall: stateCountsSchema, marketing: stateCountsSchema }),
  /** Clients matching the filters. */
  total: z.number().int(),
  /** By last name. */
  items: z.array(
    z.object({
      client: clientSummarySchema,
      consents: z.object({ reminders: overviewCellSchema, recall: overviewCellSchema, marketing: overviewCellSchema }),
    }),
  ),
});
export type ConsentOverview = z.infer<typeof consentOverviewSchema>;

/**
 * The consent ledger: per client and purpose, append-only records of consent
 * given or withdrawn, how, by whom, with which privacy notice, and an optional
 * evidence file. Recording answers NOT_FOUND for a client that does not exist or
 * was erased, VALIDATION with the field at fault otherwise.
 */
export const consentsMethods = {
  'consents.forClient': { input: z.object({ clientId: clientIdSchema }).strict(), output: clientConsentsSchema },
  /**
   * Appends one record (with its evidence file, if any) and returns the client's
   * ledger. For reminders it also sets the SMS opt-out flag to match: a withdrawal
   * cancels the client's pending reminders, a grant lifts an earlier "STOP".
   */
  'consents.record': {
    input: consentRecordInputSchema,
    output: clientConsentsSchema.extend({ recorded: consentEntrySchema }),
  },
  /** The panel's table: clients with their state per purpose, filtered, and the office's counts. */
  'consents.overview': { input: consentOverviewInputSchema, output: consentOverviewSchema },
  /** A record's evidence file, to save or open. NOT_FOUND when the record has none (or the file is gone). */
  'consents.evidence': {
    input: z.object({ consentId: consentIdSchema }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  },
} as const satisfies MethodMap;
