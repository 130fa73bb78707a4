import type { Language } from '../../src-main/contract/schemas';

/** The office's chosen language, or the computer's when the setting is null (Italian or else English). */
export function resolveLanguage(setting: Language | null): Language {
  if (setting) return setting;
  return navigator.language.toLowerCase().startsWith('it') ? 'it' : 'en';
}

/**
 * The locale for dates and times. English uses en-GB: the office is in Europe, so
 * day-month order and a 24-hour clock read right to its staff.
 */
export function intlLocale(language: Language): string {
  return language === 'it' ? 'it-IT' : 'en-GB';
}
