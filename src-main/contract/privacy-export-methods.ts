import { z } from 'zod';
import { clientIdSchema } from './clients-schemas';
import type { MethodMap } from './method-spec';

/** Echoed in the `privacy.export.progress` events, so a window follows its own export. */
const exportIdSchema = z.string().min(1).max(64);

/** A ZIP the core made, for the UI to save where the user chooses (or the CLI to write). */
export const zipFileSchema = z.object({
  /** Suggested name, e.g. "dati-rossi-mario-2026-11-24.zip": ASCII only, safe on every system. */
  fileName: z.string(),
  mimeType: z.literal('application/zip'),
  /** The ZIP's bytes, base64. */
  contentBase64: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type ZipFile = z.infer<typeof zipFileSchema>;

/** How many records of each kind went into one client's export. */
export const clientExportCountsSchema = z.object({
  appointments: z.number().int(),
  messages: z.number().int(),
  replies: z.number().int(),
  consents: z.number().int(),
  auditEntries: z.number().int(),
  /** Consent evidence files copied under evidence/. */
  evidenceFiles: z.number().int(),
  /** Evidence files the ledger names but that could not be read (listed in data.json and the README). */
  evidenceMissing: z.number().int(),
});
export type ClientExportCounts = z.infer<typeof clientExportCountsSchema>;

/** Rows per table (by table name) in a whole-office export, plus the evidence files. */
export const officeExportCountsSchema = z.object({
  tables: z.record(z.string(), z.number().int()),
  evidenceFiles: z.number().int(),
  evidenceMissing: z.number().int(),
});
export type OfficeExportCounts = z.infer<typeof officeExportCountsSchema>;

/**
 * Access and portability (GDPR Art. 15 and 20). Each export is one ZIP with a
 * versioned data.json, CSV files for Excel and a README in Italian and English;
 * each is written to the audit log (ids and counts only). Progress goes out as
 * `privacy.export.progress` events when an `exportId` is given. No secret (SMPP
 * password, SIM PIN) is ever in an export: they are not in the database.
 */
export const privacyExportMethods = {
  /** Everything held about one client: data.json, CSVs, appointments.ics, contact.vcf, consent evidence, LEGGIMI/README. */
  'privacy.export.client': {
    input: z.object({ clientId: clientIdSchema, exportId: exportIdSchema.optional() }).strict(),
    output: zipFileSchema.extend({ counts: clientExportCountsSchema }),
  },
  /** The whole office (every table but the search index) for moving to another system: data.json and one CSV per table. */
  'privacy.export.office': {
    input: z.object({ exportId: exportIdSchema.optional() }).strict(),
    output: zipFileSchema.extend({ counts: officeExportCountsSchema }),
  },
} as const satisfies MethodMap;
