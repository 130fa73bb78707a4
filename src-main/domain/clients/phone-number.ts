import {
  isSupportedCountry,
  ParseError,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
  type CountryCode,
  type NumberType,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import type { PhoneProblem } from '../../contract/clients-schemas';

/*
 * The "max" metadata: only it knows number types, which is how a landline is told
 * from a mobile. It runs in the core only; the UI shows what the core formatted,
 * so the renderer bundle does not carry it.
 */

export type MobileReading =
  | { ok: true; e164: string; display: string }
  | { ok: false; problem: PhoneProblem; message: string };

/**
 * Types that cannot receive an SMS. Anything else is accepted, including numbers
 * whose type the metadata cannot tell (FIXED_LINE_OR_MOBILE in the US, or none):
 * refusing those would refuse real mobiles.
 */
const NOT_FOR_SMS: ReadonlyMap<NumberType, string> = new Map<NumberType, string>([
  ['FIXED_LINE', 'a landline number: it cannot receive SMS reminders'],
  ['TOLL_FREE', 'a toll-free number: it cannot receive SMS reminders'],
  ['PREMIUM_RATE', 'a premium-rate number: it cannot receive SMS reminders'],
  ['SHARED_COST', 'a shared-cost number: it cannot receive SMS reminders'],
  ['UAN', 'a company switchboard number: it cannot receive SMS reminders'],
  ['VOICEMAIL', 'a voicemail access number: it cannot receive SMS reminders'],
  ['PAGER', 'a pager number: it cannot receive SMS reminders'],
]);

/**
 * Reads a mobile number as typed at the desk ("333 123 4567", "+39 333…",
 * "0039 333…") into E.164, using `defaultRegion` (ISO alpha-2, the office setting)
 * for numbers typed without a country code.
 */
export function readMobile(typed: string, defaultRegion: string): MobileReading {
  const region = isSupportedCountry(defaultRegion) ? defaultRegion : undefined;
  let phone: PhoneNumber;
  try {
    // libphonenumber takes spaces between digits but not tabs or line breaks (two pasted spreadsheet cells, a wrapped cell).
    phone = parsePhoneNumberWithError(typed.replace(/\s/g, ' '), region ? { defaultCountry: region } : {});
  } catch (err) {
    return fromParseError(err, region);
  }
  const length = validatePhoneNumberLength(phone.number);
  if (length === 'TOO_SHORT') return problem('too_short', 'too few digits for a phone number');
  if (length === 'TOO_LONG') return problem('too_long', 'too many digits for a phone number');
  if (length === 'INVALID_COUNTRY') return problem('invalid_country', 'no country uses this international code');
  if (!phone.isValid()) {
    const country = phone.country ?? region;
    return problem('invalid', country ? `not a valid number in ${regionName(country)}: check the digits` : 'not a valid phone number: check the digits');
  }
  const type = phone.getType();
  const refusal = type === undefined ? undefined : NOT_FOR_SMS.get(type);
  if (refusal) return problem('not_mobile', refusal);
  return { ok: true, e164: phone.number, display: phone.formatInternational() };
}

/** A stored E.164 number grouped for reading: "+393331234567" → "+39 333 123 4567". */
export function formatPhone(e164: string): string {
  try {
    return parsePhoneNumberWithError(e164).formatInternational();
  } catch {
    // Stored numbers are E.164 by a CHECK constraint; one the metadata does not know is shown as stored.
    return e164;
  }
}

/**
 * A stored number as dialled from `region`: national for the office's own country
 * ("333 123 4567"), with the international call prefix otherwise ("00 44 7911 123456").
 * For files meant for Excel: a leading "+" would be read as a formula. Reads back
 * with readMobile() and the same region.
 */
export function formatForDialingFrom(e164: string, region: string): string {
  if (!isSupportedCountry(region)) return formatPhone(e164);
  try {
    return parsePhoneNumberWithError(e164).format('IDD', { fromCountry: region }) ?? e164;
  } catch {
    return e164;
  }
}

function fromParseError(err: unknown, region: CountryCode | undefined): MobileReading {
  if (!(err instanceof ParseError)) throw err;
  switch (err.message) {
    case 'TOO_SHORT':
      return problem('too_short', 'too few digits for a phone number');
    case 'TOO_LONG':
      return problem('too_long', 'too many digits for a phone number');
    case 'INVALID_COUNTRY':
      return region
        ? problem('invalid_country', 'no country uses this international code')
        : problem('invalid_country', 'type the number with its country code, e.g. +39 333 123 4567');
    default:
      return problem('not_a_number', 'not a phone number');
  }
}

function problem(kind: PhoneProblem, message: string): MobileReading {
  return { ok: false, problem: kind, message };
}

const regionNames = new Intl.DisplayNames('en', { type: 'region' });

function regionName(region: string): string {
  return regionNames.of(region) ?? region;
}
