import { z } from 'zod';
import { clockTimeSchema } from './calendar-schemas';
import { languages } from './schemas';

/**
 * What a template may say about an appointment, and nothing more: never the
 * treatment, the case or the notes. Written in braces, e.g. "{first_name}".
 */
export const placeholders = ['first_name', 'date', 'time', 'weekday', 'office_name', 'office_phone', 'staff'] as const;
export type Placeholder = (typeof placeholders)[number];

/** Long enough for a four-part SMS once placeholders are filled in. */
export const TEMPLATE_MAX = 480;
/** The longest lead a rule may have: four weeks. */
export const MAX_OFFSET_MINUTES = 28 * 24 * 60;

const templateSchema = z.string().trim().min(1, 'must not be empty').max(TEMPLATE_MAX);
const idListSchema = z.array(z.number().int().positive()).min(1).max(200).nullable();

export const reminderRuleSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** How long before the appointment's start the reminder is due. */
  offsetMinutes: z.number().int(),
  templateIt: z.string(),
  templateEn: z.string(),
  active: z.boolean(),
  /** null: every staff member; otherwise only appointments with one of these. */
  staffIds: z.array(z.number().int()).nullable(),
  /** null: every room; otherwise only appointments in one of these. */
  roomIds: z.array(z.number().int()).nullable(),
});
export type ReminderRule = z.infer<typeof reminderRuleSchema>;

/** The editable fields with no defaults: the base of both create and update (changes only). */
const ruleFields = {
  name: z.string().trim().min(1, 'must not be empty').max(80),
  offsetMinutes: z.number().int().min(5, 'at least 5 minutes before').max(MAX_OFFSET_MINUTES, 'at most four weeks before'),
  templateIt: templateSchema,
  templateEn: templateSchema,
  active: z.boolean(),
  staffIds: idListSchema,
  roomIds: idListSchema,
};

export const reminderRuleFieldsSchema = z
  .object({ ...ruleFields, active: ruleFields.active.default(true), staffIds: idListSchema.default(null), roomIds: idListSchema.default(null) })
  .strict();
export const reminderRuleChangesSchema = z.object(ruleFields).partial().strict();
export type ReminderRuleFields = z.output<typeof reminderRuleFieldsSchema>;

/** When reminders may go out, office-wide. Times are the office's wall clock. */
export const reminderSettingsSchema = z
  .object({
    /** Quiet hours: no reminder leaves from quietFrom to quietTo (across midnight when quietFrom is later). */
    quietFrom: clockTimeSchema,
    quietTo: clockTimeSchema,
    /** Sunday is quiet all day as well. */
    quietSundays: z.boolean(),
    /** A reminder that cannot reach the client at least this long before the appointment is not sent. */
    minLeadMinutes: z.number().int().min(0).max(24 * 60),
    /** Answer "Sì"/"No"/"STOP" with a short acknowledgement SMS. */
    autoAcknowledge: z.boolean(),
  })
  .strict()
  .refine((s) => s.quietFrom !== s.quietTo, { message: 'quiet hours must start and end at different times', path: ['quietTo'] });
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const templatePreviewInputSchema = z
  .object({
    template: z.string().max(TEMPLATE_MAX),
    language: z.enum(languages),
    /** Fill the placeholders from this appointment; by default the next upcoming one, else sample data. */
    appointmentId: z.number().int().positive().optional(),
  })
  .strict();

export const templatePreviewSchema = z.object({
  text: z.string(),
  characters: z.number().int(),
  segments: z.number().int(),
  encoding: z.enum(['gsm7', 'ucs2']),
  /** The characters that force UCS-2 (accents outside the GSM alphabet, emoji, typographic quotes…). */
  nonGsmCharacters: z.array(z.string()),
  /** "{nome}" and other braces that are not placeholders: they would be sent as typed. */
  unknownPlaceholders: z.array(z.string()),
  /** Words that look like health or case details, which an SMS must not carry. */
  sensitiveWords: z.array(z.string()),
  /** Where the data came from: an appointment of the office, or invented sample data. */
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('appointment'), appointmentId: z.number().int(), clientName: z.string() }),
    z.object({ kind: z.literal('sample') }),
  ]),
});
export type TemplatePreview = z.infer<typeof templatePreviewSchema>;
