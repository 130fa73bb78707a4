import { z } from 'zod';
import { noInput, type MethodMap } from './method-spec';
import {
  reminderRuleChangesSchema,
  reminderRuleFieldsSchema,
  reminderRuleSchema,
  reminderSettingsSchema,
  templatePreviewInputSchema,
  templatePreviewSchema,
} from './reminders-schemas';

const ruleId = z.number().int().positive();

/** Reminder rules and templates, the office-wide sending hours, and the template preview. */
export const remindersMethods = {
  'reminders.rules.list': {
    input: noInput,
    output: z.object({ items: z.array(reminderRuleSchema) }),
  },
  'reminders.rules.create': {
    input: reminderRuleFieldsSchema,
    output: reminderRuleSchema,
  },
  'reminders.rules.update': {
    input: z.object({ id: ruleId, changes: reminderRuleChangesSchema }).strict(),
    output: reminderRuleSchema,
  },
  /** Pending reminders of the rule are cancelled; those already sent stay in the history. */
  'reminders.rules.delete': {
    input: z.object({ id: ruleId }).strict(),
    output: z.object({ cancelledMessages: z.number().int() }),
  },
  /** The suggested rules (2 days and 2 hours before), with the default templates. */
  'reminders.rules.defaults': {
    input: noInput,
    output: z.object({ items: z.array(reminderRuleFieldsSchema) }),
  },
  'reminders.settings.get': {
    input: noInput,
    output: reminderSettingsSchema,
  },
  'reminders.settings.update': {
    input: reminderSettingsSchema,
    output: reminderSettingsSchema,
  },
  'reminders.preview': {
    input: templatePreviewInputSchema,
    output: templatePreviewSchema,
  },
} as const satisfies MethodMap;
