import { z } from 'zod';
import { phoneProblems } from './clients-schemas';

/** The client fields a CSV column can fill. */
export const importFields = ['firstName', 'lastName', 'mobile', 'email', 'language', 'notes'] as const;
export type ImportField = (typeof importFields)[number];

export const csvDelimiters = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

/** How the file's bytes were read; "mixed" is UTF-8 with some lines in Windows-1252. */
export const textEncodings = ['utf-8', 'windows-1252', 'mixed', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof textEncodings)[number];

/**
 * The largest file accepted, in bytes. The web bridge takes bodies up to 10 MB and
 * base64 adds a third, so the UI stays below 7 MB; the command line may go up to this.
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/** The file's bytes, base64: the core detects the encoding itself. */
const fileContentSchema = z
  .string()
  .min(1, 'the file is empty')
  .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'the file is larger than 32 MB: split it');

/** skip: leave the existing client alone; import: add a second client; update: fill the existing one with the file's values. */
export const duplicatePolicies = ['skip', 'import', 'update'] as const;
export type DuplicatePolicy = (typeof duplicatePolicies)[number];

/** reject: the row is not imported; importWithout: the client is imported without a mobile (and a warning). */
export const phoneProblemPolicies = ['reject', 'importWithout'] as const;
export type PhoneProblemPolicy = (typeof phoneProblemPolicies)[number];

export const importPreviewInputSchema = z.object({ content: fileContentSchema }).strict();

export const importColumnSchema = z.object({
  header: z.string(),
  /** What the header was recognised as; null: ignored. */
  field: z.enum(importFields).nullable(),
});

export const importPreviewSchema = z.object({
  encoding: z.enum(textEncodings),
  delimiter: z.enum(csvDelimiters),
  /** The physical line (1-based) of the header row. */
  headerLine: z.number().int(),
  columns: z.array(importColumnSchema),
  /** The first records after the header, with the line each starts on. */
  sample: z.array(z.object({ line: z.number().int(), values: z.array(z.string()) })),
  /** Data records in the file (the header and blank lines not counted). */
  records: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importRunInputSchema = z
  .object({
    content: fileContentSchema,
    /** One entry per column, replacing the recognised mapping; absent: use what the headers say. */
    mapping: z.array(z.enum(importFields).nullable()).max(200).optional(),
    duplicates: z.enum(duplicatePolicies).default('skip'),
    phoneProblems: z.enum(phoneProblemPolicies).default('reject'),
    /** Any rejected row and nothing is written. */
    allOrNothing: z.boolean().default(false),
    /** Check every row and report, writing nothing. */
    dryRun: z.boolean().default(false),
    /** Echoed in the progress events, so a window follows its own import. */
    importId: z.string().max(64).optional(),
  })
  .strict();
export type ImportRunInput = z.infer<typeof importRunInputSchema>;

export const importIssueReasons = [
  'missing_name',
  'bad_phone',
  'bad_email',
  'bad_language',
  'too_long',
  'unreadable',
  'unclosed_quote',
  'extra_fields',
  'duplicate',
  'ambiguous_duplicate',
] as const;
export type ImportIssueReason = (typeof importIssueReasons)[number];

/** One row that was not imported as it stands, with the physical line where it starts in the file. */
export const importIssueSchema = z.object({
  line: z.number().int(),
  reason: z.enum(importIssueReasons),
  /** For bad_phone: what is wrong with the number. */
  phoneProblem: z.enum(phoneProblems).optional(),
  /** For bad_phone, bad_email, bad_language: the value at fault, as in the file. */
  value: z.string().optional(),
  /** For duplicate: the earlier line of this file with the same mobile (absent: a client already in the list). */
  otherLine: z.number().int().optional(),
  /** The reason in words, naming the value at fault. */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importReportSchema = z.object({
  encoding: z.enum(textEncodings),
  delimiter: z.enum(csvDelimiters),
  records: z.number().int(),
  /** New clients (written, or that would be in a dry run or a refused all-or-nothing run). */
  created: z.number().int(),
  /** Existing clients filled from the file (duplicate policy "update"). */
  updated: z.number().int(),
  /** Duplicates left alone: policy "skip", or "update" with nothing different to write. */
  skipped: z.array(importIssueSchema),
  rejected: z.array(importIssueSchema),
  /** Imported, but not entirely (a bad mobile left out). */
  warnings: z.array(importIssueSchema),
  dryRun: z.boolean(),
  /** False when nothing was written: a dry run, or all-or-nothing with rejected rows. */
  committed: z.boolean(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importProgressSchema = z.object({
  importId: z.string(),
  processed: z.number().int(),
  total: z.number().int(),
});
