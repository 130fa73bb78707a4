/**
 * Addresses in TPDUs (3GPP TS 23.040 §9.1.2.5): a length in digits, a type of
 * address, then semi-octets with the digits of each pair swapped and an F filler.
 */
import { septetsToText } from './gsm7-alphabet';
import { unpackSeptets } from './septet-packing';

/** Type of address: international number, ISDN numbering plan ('+39…'). */
const TOA_INTERNATIONAL = 0x91;
/** Type of address: unknown type, ISDN plan; the network applies national rules. */
const TOA_UNKNOWN = 0x81;
const TON_INTERNATIONAL = 1;
const TON_ALPHANUMERIC = 5;

/** Semi-octet digit values beyond 0–9 (23.040 §9.1.2.3). */
const SEMI_OCTET_DIGITS = '0123456789*#abc';

export class PduFormatError extends Error {
  override readonly name = 'PduFormatError';
}

/** The address field for a destination: '+' and digits is international, digits alone national. */
export function encodeAddress(number: string): Buffer {
  const international = number.startsWith('+');
  const digits = international ? number.slice(1) : number;
  if (!/^[0-9]{1,20}$/.test(digits)) throw new PduFormatError('A destination must be up to 20 digits, optionally after +');
  return Buffer.concat([
    Buffer.from([digits.length, international ? TOA_INTERNATIONAL : TOA_UNKNOWN]),
    semiOctets(digits),
  ]);
}

/** Digits as swapped semi-octets, padded with F: "393" → 93 F3. */
export function semiOctets(digits: string): Buffer {
  const padded = digits.length % 2 === 0 ? digits : `${digits}F`;
  const bytes = Buffer.alloc(padded.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = (parseInt(padded.charAt(2 * i + 1), 16) << 4) | parseInt(padded.charAt(2 * i), 16);
  }
  return bytes;
}

/** Swapped semi-octets back to digits, stopping at the F filler. */
function readSemiOctets(bytes: Uint8Array, digitCount: number): string {
  let digits = '';
  for (let i = 0; i < digitCount; i++) {
    const byte = bytes[i >> 1] ?? 0xff;
    const nibble = i % 2 === 0 ? byte & 0x0f : byte >> 4;
    if (nibble === 0x0f) break;
    digits += SEMI_OCTET_DIGITS.charAt(nibble);
  }
  return digits;
}

/**
 * Reads an originating or recipient address at `offset`: '+' and digits when
 * international, a name when alphanumeric (a sender such as "TIM"), digits otherwise.
 */
export function decodeAddress(tpdu: Uint8Array, offset: number): { address: string; next: number } {
  const digitCount = tpdu[offset];
  const toa = tpdu[offset + 1];
  if (digitCount === undefined || toa === undefined) throw new PduFormatError('Address cut short');
  const octets = Math.ceil(digitCount / 2);
  const body = tpdu.subarray(offset + 2, offset + 2 + octets);
  if (body.length < octets) throw new PduFormatError('Address cut short');
  const typeOfNumber = (toa >> 4) & 0x07;
  let address: string;
  if (typeOfNumber === TON_ALPHANUMERIC) {
    address = septetsToText(unpackSeptets(body, Math.floor((digitCount * 4) / 7)));
  } else {
    const digits = readSemiOctets(body, digitCount);
    address = typeOfNumber === TON_INTERNATIONAL ? `+${digits}` : digits;
  }
  return { address, next: offset + 2 + octets };
}

/** The SMSC address that leads a PDU from the modem (length in octets, TOA included). */
export function decodeSmscAddress(pdu: Uint8Array): { smsc: string | undefined; next: number } {
  const length = pdu[0];
  if (length === undefined) throw new PduFormatError('Empty PDU');
  if (length === 0) return { smsc: undefined, next: 1 };
  const toa = pdu[1] ?? 0;
  const body = pdu.subarray(2, 1 + length);
  if (body.length < length - 1) throw new PduFormatError('SMSC address cut short');
  const digits = readSemiOctets(body, body.length * 2);
  return { smsc: ((toa >> 4) & 0x07) === TON_INTERNATIONAL ? `+${digits}` : digits, next: 1 + length };
}
