import { z } from 'zod';
import { textFileSchema } from './clients-schemas';
import { type MethodMap } from './method-spec';
import { instantSchema, languages } from './schemas';

/**
 * The record of processing activities (GDPR Art. 30) and the privacy notice
 * (informativa, Art. 13). Both are plain text in a small Markdown subset, which
 * the screen, the print view and the exported files read the same way:
 *   "# Title", "## Heading", "- list item", paragraphs split by a blank line
 *   (a single line break inside a paragraph is kept).
 */
export type DocumentBlock =
  | { kind: 'title' | 'heading'; text: string }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; items: string[] };

export function documentBlocks(text: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let open: DocumentBlock | undefined;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const item = /^\s*[-*•]\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      open = undefined;
    } else if (line.startsWith('# ') || line.startsWith('## ')) {
      blocks.push({ kind: line.startsWith('# ') ? 'title' : 'heading', text: line.replace(/^#+\s+/, '').trim() });
      open = undefined;
    } else if (item) {
      if (open?.kind !== 'list') {
        open = { kind: 'list', items: [] };
        blocks.push(open);
      }
      open.items.push(item[1]?.trim() ?? '');
    } else if (open?.kind === 'list' && /^\s+/.test(line)) {
      // An indented line continues the list item above it.
      open.items[open.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (open?.kind !== 'paragraph') {
        open = { kind: 'paragraph', lines: [] };
        blocks.push(open);
      }
      open.lines.push(line.trim());
    }
  }
  return blocks;
}

export const documentFormats = ['markdown', 'html'] as const;

/** The parts of the record, in the order of Art. 30(1). */
export const recordFieldKeys = [
  'controller',
  'dpo',
  'purposes',
  'dataSubjects',
  'dataCategories',
  'recipients',
  'transfers',
  'retention',
  'security',
] as const;
export type RecordFieldKey = (typeof recordFieldKeys)[number];

/** Long enough for any section a small office writes; short enough to keep settings small. */
const FIELD_MAX = 20_000;
const NOTICE_MAX = 60_000;

export const processingRecordSchema = z.object({
  language: z.enum(languages),
  title: z.string(),
  /** "Art. 30 GDPR — Studio Rossi — 24 novembre 2026". */
  subtitle: z.string(),
  fields: z.array(
    z.object({
      key: z.enum(recordFieldKeys),
      label: z.string(),
      /** What the record says: the office's own text, or the pre-filled one. */
      value: z.string(),
      /** Built from the settings now (office, SMS channel, retention). */
      prefilled: z.string(),
      overridden: z.boolean(),
    }),
  ),
  /** When the office last edited it; null while it is all pre-filled. */
  updatedAt: instantSchema.nullable(),
});
export type ProcessingRecord = z.infer<typeof processingRecordSchema>;

export const privacyNoticeSchema = z.object({
  /** What consent records point to: "2026-11-24" (a second save that day: "2026-11-24.2"); the built-in template's own before any save. */
  version: z.string(),
  it: z.string(),
  en: z.string(),
  /** True while the office has not saved a text of its own: the built-in template, filled in from the settings. */
  isDefault: z.boolean(),
  updatedAt: instantSchema.nullable(),
  /** The built-in template with today's settings, to start again from. */
  template: z.object({ it: z.string(), en: z.string() }),
  /** Earlier saved versions, newest first (consents may point to them). */
  previousVersions: z.array(z.object({ version: z.string(), updatedAt: instantSchema })),
});
export type PrivacyNotice = z.infer<typeof privacyNoticeSchema>;

const languageInput = z.enum(languages).optional();

export const privacyDocumentsMethods = {
  /** The record in `language` (the office's language when left out), pre-filled from the settings with the office's edits on top. */
  'privacy.record.get': {
    input: z.object({ language: languageInput }).strict(),
    output: processingRecordSchema,
  },
  /** Saves edits of some fields in one language; null puts a field back to its pre-filled text. */
  'privacy.record.update': {
    input: z
      .object({
        language: z.enum(languages),
        fields: z.partialRecord(z.enum(recordFieldKeys), z.string().max(FIELD_MAX).nullable()),
      })
      .strict(),
    output: processingRecordSchema,
  },
  /** The record as a Markdown or a self-contained HTML file. */
  'privacy.record.export': {
    input: z.object({ language: languageInput, format: z.enum(documentFormats) }).strict(),
    output: textFileSchema,
  },
  /** The current notice in both languages, or an earlier saved `version`. */
  'privacy.notice.get': {
    input: z.object({ version: z.string().min(1).max(40).optional() }).strict(),
    output: privacyNoticeSchema,
  },
  /**
   * Saves the notice. A text that differs from the saved one gets a new version
   * (what new consent records will point to); the same text again changes nothing.
   */
  'privacy.notice.save': {
    input: z
      .object({
        it: z.string().trim().min(1).max(NOTICE_MAX),
        en: z.string().trim().min(1).max(NOTICE_MAX),
      })
      .strict(),
    output: privacyNoticeSchema.extend({ changed: z.boolean() }),
  },
  /** One language of the current notice (or of an earlier `version`) as a Markdown or HTML file. */
  'privacy.notice.export': {
    input: z
      .object({ language: z.enum(languages), format: z.enum(documentFormats), version: z.string().min(1).max(40).optional() })
      .strict(),
    output: textFileSchema,
  },
} as const satisfies MethodMap;
