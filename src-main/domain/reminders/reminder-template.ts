import { placeholders, type Placeholder } from '../../contract/reminders-schemas';
import type { Language } from '../../contract/schemas';
import { isGsm7, splitMessage, type SmsEncoding } from '../../sms/encoding';
import { utcToZoned } from '../time-zone';

/** What a reminder may say, already chosen: nothing about the treatment, the case or the notes. */
export interface TemplateData {
  firstName: string;
  /** The appointment's start, UTC epoch ms. */
  start: number;
  timeZone: string;
  officeName: string;
  officePhone: string;
  /** The staff member's name, or empty. */
  staffName: string;
}

const PLACEHOLDER = /\{([^{}\s]{1,40})\}/g;
/** Anything in braces on one line, for the warning: "{first name}" or "{ staff }" would go out as typed too. */
const BRACED = /\{([^{}\n]*)\}/g;
const known = new Set<string>(placeholders);

const locales: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

/** Building a formatter costs far more than using one: a planning pass renders thousands of texts. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, timeZone: string, part: 'date' | 'weekday'): Intl.DateTimeFormat {
  const key = `${language} ${timeZone} ${part}`;
  let cached = formatters.get(key);
  if (!cached) {
    const options: Intl.DateTimeFormatOptions = part === 'date' ? { day: 'numeric', month: 'long' } : { weekday: 'long' };
    cached = new Intl.DateTimeFormat(locales[language], { timeZone, ...options });
    formatters.set(key, cached);
  }
  return cached;
}

function values(data: TemplateData, language: Language): Record<Placeholder, string> {
  const { timeZone } = data;
  const at = new Date(data.start);
  const local = utcToZoned(data.start, timeZone);
  return {
    first_name: data.firstName,
    date: formatter(language, timeZone, 'date').format(at),
    time: `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`,
    weekday: formatter(language, timeZone, 'weekday').format(at),
    office_name: data.officeName,
    office_phone: data.officePhone,
    staff: data.staffName,
  };
}

/**
 * The SMS text: each known placeholder replaced, anything else in braces left as
 * typed (the editor warns about it). Runs of spaces left by an empty value
 * (no staff member, no first name) are closed up.
 */
export function renderTemplate(template: string, data: TemplateData, language: Language): string {
  const filled = values(data, language);
  return template
    .replace(PLACEHOLDER, (whole, name: string) => (known.has(name) ? filled[name as Placeholder] : whole))
    .replace(/ {2,}/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .trim();
}

/** Braces in a template that are not placeholders, e.g. "{nome}": they would go out as typed. */
export function unknownPlaceholders(template: string): string[] {
  const found = new Set<string>();
  for (const match of template.matchAll(BRACED)) {
    if (!known.has(match[1] ?? '')) found.add(match[0]);
  }
  return [...found];
}

export interface TextCost {
  characters: number;
  segments: number;
  encoding: SmsEncoding;
  /** Each character that is not in the GSM alphabet, once, in order of appearance. */
  nonGsmCharacters: string[];
}

/** What sending `text` costs, by the same splitter the transports use. */
export function textCost(text: string): TextCost {
  const split = splitMessage(text);
  const nonGsm = new Set<string>();
  for (const char of text) if (!isGsm7(char)) nonGsm.add(char);
  return { characters: [...text].length, segments: split.parts.length, encoding: split.encoding, nonGsmCharacters: [...nonGsm] };
}
