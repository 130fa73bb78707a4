import { MAX_OFFSET_MINUTES, type ReminderRule, type ReminderRuleFields } from '../../../src-main/contract/reminders-schemas';
import { offsetToMinutes, splitOffset, type OffsetUnit } from './rule-offset';

/** The rule editor's fields as typed. */
export interface RuleDraft {
  name: string;
  offsetValue: number | '';
  offsetUnit: OffsetUnit;
  active: boolean;
  /** Empty: every staff member / room. */
  staffIds: number[];
  roomIds: number[];
  templateIt: string;
  templateEn: string;
}

export type RuleField = keyof ReminderRuleFields;

/** A new rule: a day before, on, for everyone, with the suggested texts. */
export function draftForNew(templates: { templateIt: string; templateEn: string } | undefined): RuleDraft {
  return {
    name: '',
    offsetValue: 1,
    offsetUnit: 'days',
    active: true,
    staffIds: [],
    roomIds: [],
    templateIt: templates?.templateIt ?? '',
    templateEn: templates?.templateEn ?? '',
  };
}

export function draftOf(rule: ReminderRule): RuleDraft {
  const { value, unit } = splitOffset(rule.offsetMinutes);
  return {
    name: rule.name,
    offsetValue: value,
    offsetUnit: unit,
    active: rule.active,
    staffIds: rule.staffIds ?? [],
    roomIds: rule.roomIds ?? [],
    templateIt: rule.templateIt,
    templateEn: rule.templateEn,
  };
}

export function draftOffsetMinutes(draft: RuleDraft): number | undefined {
  return draft.offsetValue === '' ? undefined : offsetToMinutes(draft.offsetValue, draft.offsetUnit);
}

/** The problems the editor can tell before asking the core, by field. */
export function draftProblems(draft: RuleDraft): Partial<Record<RuleField, 'required' | 'offsetRange'>> {
  const problems: Partial<Record<RuleField, 'required' | 'offsetRange'>> = {};
  const minutes = draftOffsetMinutes(draft);
  if (minutes === undefined || !Number.isInteger(minutes) || minutes < 5 || minutes > MAX_OFFSET_MINUTES) problems.offsetMinutes = 'offsetRange';
  if (draft.templateIt.trim() === '') problems.templateIt = 'required';
  if (draft.templateEn.trim() === '') problems.templateEn = 'required';
  return problems;
}

/** The fields to save; a blank name becomes `fallbackName` ("2 days before"). */
export function fieldsOf(draft: RuleDraft, fallbackName: string): ReminderRuleFields {
  return {
    name: draft.name.trim() === '' ? fallbackName : draft.name.trim(),
    offsetMinutes: draftOffsetMinutes(draft) ?? 0,
    templateIt: draft.templateIt,
    templateEn: draft.templateEn,
    active: draft.active,
    staffIds: draft.staffIds.length === 0 ? null : [...draft.staffIds].sort((a, b) => a - b),
    roomIds: draft.roomIds.length === 0 ? null : [...draft.roomIds].sort((a, b) => a - b),
  };
}

/** Only what differs from the stored rule: what `reminders.rules.update` takes. */
export function changesOf(rule: ReminderRule, fields: ReminderRuleFields): Partial<ReminderRuleFields> {
  const changes: Partial<Record<RuleField, unknown>> = {};
  for (const key of Object.keys(fields) as RuleField[]) {
    const before = key === 'staffIds' || key === 'roomIds' ? sortedOrNull(rule[key]) : rule[key];
    if (JSON.stringify(before) !== JSON.stringify(fields[key])) changes[key] = fields[key];
  }
  return changes as Partial<ReminderRuleFields>;
}

function sortedOrNull(ids: number[] | null): number[] | null {
  return ids === null ? null : [...ids].sort((a, b) => a - b);
}

/**
 * Which editor field an API validation error names: "templateIt", or
 * "changes.templateIt" for an update. Undefined when it names none of them.
 */
export function ruleFieldOf(path: string | undefined): RuleField | undefined {
  const name = path?.replace(/^changes\./, '').split('.')[0];
  const fields: readonly RuleField[] = ['name', 'offsetMinutes', 'templateIt', 'templateEn', 'active', 'staffIds', 'roomIds'];
  return fields.find((field) => field === name);
}
