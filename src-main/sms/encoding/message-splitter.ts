/**
 * Splits a text into the SMS parts it will travel in, choosing GSM-7 when every
 * character fits the default alphabet and UCS-2 otherwise. Limits (3GPP TS 23.040):
 * 160 septets alone or 153 per part once a 6-octet concatenation UDH takes room;
 * 70 UTF-16 code units alone or 67 per part. A split never falls inside an escape
 * pair or a surrogate pair, so every part decodes on its own.
 */
import { charToSeptets } from './gsm7-alphabet';

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsPart {
  /** The slice of the original text this part carries. */
  text: string;
  /** GSM-7: unpacked septets, one per byte (SMPP data_coding 0). UCS-2: UTF-16BE. */
  bytes: Buffer;
}

export interface SplitMessage {
  encoding: SmsEncoding;
  parts: SmsPart[];
}

export const GSM7_SINGLE_LIMIT = 160;
export const GSM7_PART_LIMIT = 153;
export const UCS2_SINGLE_LIMIT = 70;
export const UCS2_PART_LIMIT = 67;

/** Characters (code points) with what each one costs. */
interface Unit {
  text: string;
  bytes: readonly number[];
  size: number;
}

function gsm7Units(text: string): Unit[] | undefined {
  const units: Unit[] = [];
  for (const char of text) {
    const septets = charToSeptets(char);
    if (septets === undefined) return undefined;
    units.push({ text: char, bytes: septets, size: septets.length });
  }
  return units;
}

function ucs2Units(text: string): Unit[] {
  const units: Unit[] = [];
  for (const char of text) {
    const bytes = [...Buffer.from(char, 'utf16le').swap16()];
    units.push({ text: char, bytes, size: char.length });
  }
  return units;
}

function pack(units: Unit[], singleLimit: number, partLimit: number): SmsPart[] {
  const total = units.reduce((sum, unit) => sum + unit.size, 0);
  const limit = total <= singleLimit ? singleLimit : partLimit;
  const parts: SmsPart[] = [];
  let text = '';
  let bytes: number[] = [];
  let size = 0;
  for (const unit of units) {
    if (size + unit.size > limit) {
      parts.push({ text, bytes: Buffer.from(bytes) });
      text = '';
      bytes = [];
      size = 0;
    }
    text += unit.text;
    bytes.push(...unit.bytes);
    size += unit.size;
  }
  parts.push({ text, bytes: Buffer.from(bytes) });
  return parts;
}

/** The encoding and the parts of a text; an empty text is one empty part. */
export function splitMessage(text: string): SplitMessage {
  const gsm7 = gsm7Units(text);
  if (gsm7 !== undefined) {
    return { encoding: 'gsm7', parts: pack(gsm7, GSM7_SINGLE_LIMIT, GSM7_PART_LIMIT) };
  }
  return { encoding: 'ucs2', parts: pack(ucs2Units(text), UCS2_SINGLE_LIMIT, UCS2_PART_LIMIT) };
}
