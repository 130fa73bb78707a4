/**
 * Text of an incoming deliver_sm: the user data header split off, and the bytes
 * decoded by data_coding (SMPP 3.4 §5.2.19): 0 GSM-7 unpacked one septet per
 * byte, 8 UCS-2, 3 Latin-1 (and 1 IA5, its ASCII subset).
 */
import { readConcatInfo, type ConcatInfo } from '../encoding/concat-udh';
import { septetsToText } from '../encoding/gsm7-alphabet';

/** esm_class bit 6: short_message starts with a user data header. */
const ESM_UDHI = 0x40;

export interface UserData {
  concat: ConcatInfo | undefined;
  /** The message bytes without the header. */
  body: Buffer;
}

export function splitUserData(esmClass: number, userData: Buffer): UserData {
  if ((esmClass & ESM_UDHI) === 0 || userData.length === 0) return { concat: undefined, body: userData };
  const headerEnd = 1 + (userData[0] ?? 0);
  return { concat: readConcatInfo(userData.subarray(0, headerEnd)), body: userData.subarray(headerEnd) };
}

export function decodeText(dataCoding: number, body: Buffer): string {
  switch (alphabet(dataCoding)) {
    case 'gsm7':
      return septetsToText(body);
    case 'ucs2':
      // Byte-swap a copy to UTF-16LE; an odd trailing byte cannot be a character.
      return Buffer.from(body.subarray(0, body.length - (body.length % 2))).swap16().toString('utf16le');
    case 'latin1':
      return body.toString('latin1');
  }
}

function alphabet(dataCoding: number): 'gsm7' | 'ucs2' | 'latin1' {
  if (dataCoding === 0x00) return 'gsm7';
  if (dataCoding === 0x08) return 'ucs2';
  if (dataCoding <= 0x0f) return 'latin1';
  // Values from 0x10 are GSM 03.38 coding groups that some SMSCs pass through:
  // general group (bits 3–2 give the alphabet) and the 0xF0 message-class group.
  if ((dataCoding & 0xc0) === 0x00) {
    const bits = (dataCoding >> 2) & 0x03;
    return bits === 0 ? 'gsm7' : bits === 2 ? 'ucs2' : 'latin1';
  }
  if ((dataCoding & 0xf0) === 0xf0) return (dataCoding & 0x04) === 0 ? 'gsm7' : 'latin1';
  return 'latin1';
}
