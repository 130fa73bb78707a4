import { describe, expect, it } from 'vitest';
import type { Language } from '../../../src-main/contract/schemas';
import type { MessageKey } from '../../../src-renderer/i18n/messages-en';
import { intlLocale } from '../../../src-renderer/i18n/resolve-language';
import { translate, type MessageVars, type PluralKey } from '../../../src-renderer/i18n/translate';
import { formatOffset, offsetParts, offsetToMinutes, splitOffset } from '../../../src-renderer/screens/reminders/rule-offset';

/** The t/tn the I18nProvider builds, without React. */
function i18nFor(language: Language) {
  const plurals = new Intl.PluralRules(language);
  const t = (key: MessageKey, vars?: MessageVars) => translate(language, key, vars);
  const tn = (key: PluralKey, count: number, vars?: MessageVars) =>
    t(`${key}.${plurals.select(count) === 'one' ? 'one' : 'other'}` as MessageKey, { ...vars, count });
  return { t, tn, locale: intlLocale(language) };
}

describe('a rule’s lead time', () => {
  it('is typed in the largest unit it is a whole number of', () => {
    expect(splitOffset(2 * 24 * 60)).toEqual({ value: 2, unit: 'days' });
    expect(splitOffset(120)).toEqual({ value: 2, unit: 'hours' });
    expect(splitOffset(90)).toEqual({ value: 90, unit: 'minutes' });
    expect(splitOffset(36 * 60)).toEqual({ value: 36, unit: 'hours' });
    expect(splitOffset(5)).toEqual({ value: 5, unit: 'minutes' });
    expect(offsetToMinutes(2, 'days')).toBe(2880);
    expect(offsetToMinutes(3, 'hours')).toBe(180);
    expect(offsetToMinutes(45, 'minutes')).toBe(45);
  });

  it('splits into days, hours and minutes', () => {
    expect(offsetParts(1590)).toEqual({ days: 1, hours: 2, minutes: 30 });
    expect(offsetParts(60)).toEqual({ days: 0, hours: 1, minutes: 0 });
  });

  it('reads "2 days before" / "2 giorni prima", joining mixed units as each language does', () => {
    const en = i18nFor('en');
    const it = i18nFor('it');
    expect(formatOffset(2880, en)).toBe('2 days before');
    expect(formatOffset(2880, it)).toBe('2 giorni prima');
    expect(formatOffset(120, it)).toBe('2 ore prima');
    expect(formatOffset(60, en)).toBe('1 hour before');
    expect(formatOffset(60, it)).toBe('1 ora prima');
    expect(formatOffset(1, it)).toBe('1 minuto prima');
    expect(formatOffset(90, en)).toBe('1 hour and 30 minutes before');
    expect(formatOffset(90, it)).toBe('1 ora e 30 minuti prima');
    expect(formatOffset(1440 + 360 + 5, en)).toBe('1 day, 6 hours and 5 minutes before');
  });
});
