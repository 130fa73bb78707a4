import { describe, expect, it } from 'vitest';
import type { ReminderRule } from '../../../src-main/contract/reminders-schemas';
import { changesOf, draftForNew, draftOf, draftProblems, fieldsOf, ruleFieldOf } from '../../../src-renderer/screens/reminders/rule-draft';

const rule: ReminderRule = {
  id: 4,
  name: '2 giorni prima',
  offsetMinutes: 2880,
  templateIt: 'Gentile {first_name}',
  templateEn: 'Dear {first_name}',
  active: true,
  staffIds: [3, 1],
  roomIds: null,
};

describe('the rule editor’s draft', () => {
  it('opens a stored rule in its largest whole unit', () => {
    expect(draftOf(rule)).toMatchObject({ offsetValue: 2, offsetUnit: 'days', staffIds: [3, 1], roomIds: [] });
  });

  it('saves empty limits as "everyone" and a blank name as the suggested one', () => {
    const draft = { ...draftForNew({ templateIt: 'Ciao', templateEn: 'Hi' }), offsetValue: 3 as const, offsetUnit: 'hours' as const };
    expect(fieldsOf(draft, '3 ore prima')).toEqual({
      name: '3 ore prima',
      offsetMinutes: 180,
      templateIt: 'Ciao',
      templateEn: 'Hi',
      active: true,
      staffIds: null,
      roomIds: null,
    });
  });

  it('sends an update only what changed (limits compared in any order)', () => {
    const unchanged = fieldsOf(draftOf(rule), 'x');
    expect(changesOf(rule, unchanged)).toEqual({});
    expect(changesOf(rule, { ...unchanged, active: false, roomIds: [2] })).toEqual({ active: false, roomIds: [2] });
  });

  it('tells what to fix before asking the core', () => {
    expect(draftProblems({ ...draftOf(rule), offsetValue: 4, offsetUnit: 'minutes', templateEn: '  ' })).toEqual({
      offsetMinutes: 'offsetRange',
      templateEn: 'required',
    });
    expect(draftProblems({ ...draftOf(rule), offsetValue: 29, offsetUnit: 'days' })).toEqual({ offsetMinutes: 'offsetRange' });
    expect(draftProblems({ ...draftOf(rule), offsetValue: '' })).toEqual({ offsetMinutes: 'offsetRange' });
    expect(draftProblems(draftOf(rule))).toEqual({});
  });

  it('finds the field an API error names, for create and update alike', () => {
    expect(ruleFieldOf('templateIt')).toBe('templateIt');
    expect(ruleFieldOf('changes.offsetMinutes')).toBe('offsetMinutes');
    expect(ruleFieldOf('staffIds.0')).toBe('staffIds');
    expect(ruleFieldOf('id')).toBeUndefined();
    expect(ruleFieldOf(undefined)).toBeUndefined();
  });
});
