/**
 * Decodes what a modem hands over in PDU mode (+CMGR, +CMGL, +CMT, +CDS): an
 * SMSC address followed by an SMS-DELIVER (an incoming text) or an
 * SMS-STATUS-REPORT (the fate of a message we sent). 3GPP TS 23.040 §9.2.2.
 */
import { readConcatInfo, type ConcatInfo } from './concat-udh';
import { septetsToText } from './gsm7-alphabet';
import { decodeAddress, decodeSmscAddress, PduFormatError } from './phone-address';
import { unpackSeptets } from './septet-packing';

export type UserDataAlphabet = 'gsm7' | '8bit' | 'ucs2';

export interface DeliverPdu {
  type: 'deliver';
  smsc: string | undefined;
  /** '+39…' when international, a name for alphanumeric senders, else digits. */
  from: string;
  alphabet: UserDataAlphabet;
  text: string;
  /** Present when this is one part of a concatenated message. */
  concat: ConcatInfo | undefined;
  /** UTC epoch ms of the SMSC's time stamp. */
  serviceCentreTime: number;
}

export type StatusOutcome = 'delivered' | 'failed' | 'expired' | 'pending';

export interface StatusReportPdu {
  type: 'status-report';
  smsc: string | undefined;
  /** The TP-MR the modem answered to AT+CMGS with. */
  messageReference: number;
  recipient: string;
  /** TP-Status as sent, for the message log. */
  status: number;
  outcome: StatusOutcome;
  serviceCentreTime: number;
  /** When the SMSC delivered, gave up or last tried (UTC epoch ms). */
  dischargeTime: number;
}

export type ReceivedPdu = DeliverPdu | StatusReportPdu;

const MTI_MASK = 0x03;
const MTI_DELIVER = 0x00;
const MTI_STATUS_REPORT = 0x02;
const UDHI = 0x40;
/** TP-Status 0x46: "SM Validity Period Expired". */
const STATUS_VALIDITY_EXPIRED = 0x46;

/**
 * Decodes a hex PDU. `tpduLength` is the <length> the modem printed before it; when
 * the PDU is exactly that long the modem left the SMSC address out (some do for +CDS).
 */
export function decodeReceivedPdu(hex: string, tpduLength?: number): ReceivedPdu {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) throw new PduFormatError('A PDU must be hex octets');
  const pdu = Buffer.from(hex, 'hex');
  const withoutSmsc = tpduLength !== undefined && pdu.length === tpduLength;
  const { smsc, next } = withoutSmsc ? { smsc: undefined, next: 0 } : decodeSmscAddress(pdu);
  const tpdu = pdu.subarray(next);
  const firstOctet = tpdu[0];
  if (firstOctet === undefined) throw new PduFormatError('Empty TPDU');
  switch (firstOctet & MTI_MASK) {
    case MTI_DELIVER:
      return decodeDeliver(tpdu, smsc);
    case MTI_STATUS_REPORT:
      return decodeStatusReport(tpdu, smsc);
    default:
      throw new PduFormatError(`Not an SMS-DELIVER or SMS-STATUS-REPORT (first octet ${firstOctet.toString(16)})`);
  }
}

function decodeDeliver(tpdu: Buffer, smsc: string | undefined): DeliverPdu {
  const firstOctet = tpdu[0] ?? 0;
  const { address: from, next } = decodeAddress(tpdu, 1);
  const dcs = octetAt(tpdu, next + 1);
  const serviceCentreTime = decodeTimestamp(tpdu, next + 2);
  const userDataLength = octetAt(tpdu, next + 9);
  const userData = tpdu.subarray(next + 10);
  const alphabet = alphabetOf(dcs);
  const { text, concat } = decodeUserData(userData, userDataLength, alphabet, (firstOctet & UDHI) !== 0);
  return { type: 'deliver', smsc, from, alphabet, text, concat, serviceCentreTime };
}

function decodeStatusReport(tpdu: Buffer, smsc: string | undefined): StatusReportPdu {
  const messageReference = octetAt(tpdu, 1);
  const { address: recipient, next } = decodeAddress(tpdu, 2);
  const serviceCentreTime = decodeTimestamp(tpdu, next);
  const dischargeTime = decodeTimestamp(tpdu, next + 7);
  const status = octetAt(tpdu, next + 14);
  return {
    type: 'status-report',
    smsc,
    messageReference,
    recipient,
    status,
    outcome: statusOutcome(status),
    serviceCentreTime,
    dischargeTime,
  };
}

/**
 * TP-Status ranges (23.040 §9.2.3.15): 0x00–0x1F the transaction completed;
 * 0x20–0x3F the SMSC is still trying; 0x40–0x7F it gave up (0x46 because the
 * validity period ran out). Reserved values count as a failure, as the spec asks.
 */
export function statusOutcome(status: number): StatusOutcome {
  if (status <= 0x1f) return 'delivered';
  if (status <= 0x3f) return 'pending';
  if (status === STATUS_VALIDITY_EXPIRED) return 'expired';
  return 'failed';
}

/** TP-DCS (23.038 §4): the alphabet, from the coding groups a text can arrive in. */
function alphabetOf(dcs: number): UserDataAlphabet {
  const group = dcs >> 4;
  if (group <= 0x7) {
    if ((dcs & 0x20) !== 0) throw new PduFormatError('Compressed user data is not supported');
    const bits = (dcs >> 2) & 0x03;
    return bits === 0x02 ? 'ucs2' : bits === 0x01 ? '8bit' : 'gsm7';
  }
  if (group === 0xc || group === 0xd) return 'gsm7';
  if (group === 0xe) return 'ucs2';
  if (group === 0xf) return (dcs & 0x04) !== 0 ? '8bit' : 'gsm7';
  throw new PduFormatError(`Unsupported data coding scheme ${dcs.toString(16)}`);
}

function decodeUserData(
  userData: Buffer,
  userDataLength: number,
  alphabet: UserDataAlphabet,
  hasHeader: boolean,
): { text: string; concat: ConcatInfo | undefined } {
  const headerOctets = hasHeader ? 1 + (userData[0] ?? 0) : 0;
  const concat = hasHeader ? readConcatInfo(userData.subarray(0, headerOctets)) : undefined;
  if (alphabet === 'gsm7') {
    // UDL counts septets, the header included; the text starts on the next septet boundary.
    const headerSeptets = Math.ceil((headerOctets * 8) / 7);
    const fillBits = headerSeptets * 7 - headerOctets * 8;
    const septets = unpackSeptets(userData.subarray(headerOctets), userDataLength - headerSeptets, fillBits);
    return { text: septetsToText(septets), concat };
  }
  const body = userData.subarray(headerOctets, userDataLength);
  if (alphabet === 'ucs2') {
    const even = body.subarray(0, body.length - (body.length % 2));
    return { text: Buffer.from(even).swap16().toString('utf16le'), concat };
  }
  // 8-bit data is rare in texts to an office; Latin-1 shows it without losing bytes.
  return { text: body.toString('latin1'), concat };
}

/** TP-SCTS (23.040 §9.2.3.11): swapped BCD date, time and zone in quarter hours. */
function decodeTimestamp(tpdu: Buffer, offset: number): number {
  const field = tpdu.subarray(offset, offset + 7);
  if (field.length < 7) throw new PduFormatError('Time stamp cut short');
  const bcd = (i: number): number => {
    const byte = field[i] ?? 0;
    return (byte & 0x0f) * 10 + (byte >> 4);
  };
  const zoneOctet = field[6] ?? 0;
  const zoneQuarters = (zoneOctet & 0x07) * 10 + (zoneOctet >> 4);
  const zoneSign = (zoneOctet & 0x08) !== 0 ? -1 : 1;
  const year = bcd(0);
  // Two-digit years: 90–99 are the 1990s, as gammu and most phones read them.
  const local = Date.UTC((year >= 90 ? 1900 : 2000) + year, bcd(1) - 1, bcd(2), bcd(3), bcd(4), bcd(5));
  return local - zoneSign * zoneQuarters * 15 * 60_000;
}

function octetAt(tpdu: Buffer, offset: number): number {
  const octet = tpdu[offset];
  if (octet === undefined) throw new PduFormatError('PDU cut short');
  return octet;
}
