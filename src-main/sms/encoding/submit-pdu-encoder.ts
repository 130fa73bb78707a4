/**
 * SMS-SUBMIT PDUs for a modem in PDU mode (AT+CMGF=0), one per part
 * (3GPP TS 23.040 §9.2.2.2). Each PDU starts with 00 — "use the SMSC stored on the
 * SIM" — so the office never has to know its operator's SMSC number.
 */
import { concatUdh } from './concat-udh';
import { splitMessage, type SmsEncoding } from './message-splitter';
import { encodeAddress } from './phone-address';
import { packSeptets } from './septet-packing';
import { relativeValidityOctet } from './validity-period';

export interface SubmitRequest {
  /** '+39…' (international) or national digits. */
  to: string;
  text: string;
  requestStatusReport: boolean;
  /** Relative validity; absent leaves it to the SMSC's default. */
  validityMinutes?: number;
  /** 0–255, the same for all parts of this message and different from recent ones. */
  concatReference: number;
}

export interface SubmitPdu {
  /** Hex, SMSC octet included, as written after the AT+CMGS prompt. */
  pdu: string;
  /** Octets after the SMSC field: the <length> of AT+CMGS. */
  tpduLength: number;
}

export interface EncodedSubmit {
  encoding: SmsEncoding;
  pdus: SubmitPdu[];
}

const MTI_SUBMIT = 0x01;
const VPF_RELATIVE = 0x10;
const SRR = 0x20;
const UDHI = 0x40;
const DCS_GSM7 = 0x00;
const DCS_UCS2 = 0x08;
/** A 6-octet concatenation UDH is 48 bits: 7 septets, the last one padded by 1 fill bit. */
const CONCAT_UDH_SEPTETS = 7;
const CONCAT_UDH_FILL_BITS = 1;
const USE_SIM_SMSC = Buffer.from([0x00]);

/** The PDUs of a message, split as `splitMessage` splits it. Throws PduFormatError on a bad number. */
export function encodeSubmitPdus(request: SubmitRequest): EncodedSubmit {
  const { encoding, parts } = splitMessage(request.text);
  const destination = encodeAddress(request.to);
  const concatenated = parts.length > 1;
  const hasValidity = request.validityMinutes !== undefined;
  const firstOctet =
    MTI_SUBMIT | (hasValidity ? VPF_RELATIVE : 0) | (request.requestStatusReport ? SRR : 0) | (concatenated ? UDHI : 0);

  const pdus = parts.map((part, i) => {
    const udh = concatenated ? concatUdh(request.concatReference, parts.length, i + 1) : Buffer.alloc(0);
    let userDataLength: number;
    let userData: Buffer;
    if (encoding === 'gsm7') {
      userDataLength = (concatenated ? CONCAT_UDH_SEPTETS : 0) + part.bytes.length;
      userData = Buffer.concat([udh, packSeptets(part.bytes, concatenated ? CONCAT_UDH_FILL_BITS : 0)]);
    } else {
      userData = Buffer.concat([udh, part.bytes]);
      userDataLength = userData.length;
    }
    const tpdu = Buffer.concat([
      Buffer.from([firstOctet, 0x00 /* TP-MR: the modem assigns it */]),
      destination,
      Buffer.from([0x00 /* TP-PID: plain SMS */, encoding === 'gsm7' ? DCS_GSM7 : DCS_UCS2]),
      hasValidity ? Buffer.from([relativeValidityOctet(request.validityMinutes ?? 0)]) : Buffer.alloc(0),
      Buffer.from([userDataLength]),
      userData,
    ]);
    return { pdu: Buffer.concat([USE_SIM_SMSC, tpdu]).toString('hex').toUpperCase(), tpduLength: tpdu.length };
  });
  return { encoding, pdus };
}
