import type { Language } from '../../src-main/contract/schemas';
import { en, type MessageKey, type Messages } from './messages-en';
import { it } from './messages-it';

export type MessageVars = Record<string, string | number>;

const dictionaries: Record<Language, Messages> = { en, it };

/** A message base that has both a `.one` and an `.other` form, e.g. 'calendar.weekCount'. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
}[MessageKey];

/** Fills `{name}` placeholders; an unknown one is left visible so the mistake shows on screen. */
export function fillPlaceholders(template: string, vars: MessageVars): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(language: Language, key: MessageKey, vars: MessageVars = {}): string {
  return fillPlaceholders(dictionaries[language][key], vars);
}
