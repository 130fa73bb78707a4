/**
 * What the network side produces: SMS-DELIVER and SMS-STATUS-REPORT PDUs for the
 * simulator to hand to a client, and a reader for the SMS-SUBMIT PDUs it receives.
 * Written apart from src-main/sms/encoding on purpose (bit lists, a table of its
 * own) so a mistake there is not mirrored here; gammu checks this file in
 * modem-simulator.test.ts.
 */

/** GSM 03.38 basic table where it differs from ASCII; every other septet is its ASCII code. */
const GSM7_NON_ASCII: ReadonlyArray<readonly [number, string]> = [
  [0x00, '@'], [0x01, '£'], [0x02, '$'], [0x03, '¥'], [0x04, 'è'], [0x05, 'é'], [0x06, 'ù'], [0x07, 'ì'],
  [0x08, 'ò'], [0x09, 'Ç'], [0x0b, 'Ø'], [0x0c, 'ø'], [0x0e, 'Å'], [0x0f, 'å'], [0x10, 'Δ'], [0x11, '_'],
  [0x12, 'Φ'], [0x13, 'Γ'], [0x14, 'Λ'], [0x15, 'Ω'], [0x16, 'Π'], [0x17, 'Ψ'], [0x18, 'Σ'], [0x19, 'Θ'],
  [0x1a, 'Ξ'], [0x1c, 'Æ'], [0x1d, 'æ'], [0x1e, 'ß'], [0x1f, 'É'], [0x24, '¤'], [0x40, '¡'], [0x5b, 'Ä'],
  [0x5c, 'Ö'], [0x5d, 'Ñ'], [0x5e, 'Ü'], [0x5f, '§'], [0x60, '¿'], [0x7b, 'ä'], [0x7c, 'ö'], [0x7d, 'ñ'],
  [0x7e, 'ü'], [0x7f, 'à'],
];
const GSM7_ESCAPED: ReadonlyArray<readonly [number, string]> = [
  [0x0a, '\f'], [0x14, '^'], [0x28, '{'], [0x29, '}'], [0x2f, '\\'], [0x3c, '['], [0x3d, '~'], [0x3e, ']'],
  [0x40, '|'], [0x65, '€'],
];

const septetOf = new Map<string, number[]>();
const charOf = new Map<number, string>();
const sameAsAscii = (code: number): boolean =>
  code === 0x0a ||
  code === 0x0d ||
  (code >= 0x20 && code <= 0x7a && code !== 0x24 && code !== 0x40 && (code < 0x5b || code > 0x60));
for (let code = 0; code < 0x80; code++) {
  if (!sameAsAscii(code)) continue;
  septetOf.set(String.fromCharCode(code), [code]);
  charOf.set(code, String.fromCharCode(code));
}
for (const [code, char] of GSM7_NON_ASCII) {
  septetOf.set(char, [code]);
  charOf.set(code, char);
}
for (const [code, char] of GSM7_ESCAPED) septetOf.set(char, [0x1b, code]);
const escapedCharOf = new Map(GSM7_ESCAPED);

function gsm7Septets(text: string): number[] {
  return [...text].flatMap((char) => {
    const septets = septetOf.get(char);
    if (!septets) throw new Error(`not GSM-7: ${char}`);
    return septets;
  });
}

/** Septets to octets through a list of bits, least significant first. */
function packBits(septets: number[], fillBits: number): number[] {
  const bits: number[] = new Array<number>(fillBits).fill(0);
  for (const septet of septets) for (let b = 0; b < 7; b++) bits.push((septet >> b) & 1);
  const octets: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    octets.push(bits.slice(i, i + 8).reduce((octet, bit, b) => octet | (bit << b), 0));
  }
  return octets;
}

function unpackBits(octets: number[], count: number, fillBits: number): number[] {
  const bits = octets.flatMap((octet) => [0, 1, 2, 3, 4, 5, 6, 7].map((b) => (octet >> b) & 1));
  const septets: number[] = [];
  for (let i = 0; i < count; i++) {
    septets.push(bits.slice(fillBits + i * 7, fillBits + i * 7 + 7).reduce((s, bit, b) => s | (bit << b), 0));
  }
  return septets;
}

function gsm7Text(septets: number[]): string {
  let text = '';
  for (let i = 0; i < septets.length; i++) {
    const septet = septets[i] ?? 0;
    if (septet === 0x1b) text += escapedCharOf.get(septets[++i] ?? 0) ?? '';
    else text += charOf.get(septet) ?? '';
  }
  return text;
}

const hex = (octets: number[]): string => octets.map((o) => o.toString(16).padStart(2, '0')).join('').toUpperCase();
const bcd = (n: number): number => ((n % 10) << 4) | Math.floor(n / 10);

function addressOctets(number: string): number[] {
  if (/^[0-9+]/.test(number)) {
    const digits = number.replace(/^\+/, '');
    const nibbles = [...digits].map(Number);
    if (nibbles.length % 2 === 1) nibbles.push(0xf);
    const body: number[] = [];
    for (let i = 0; i < nibbles.length; i += 2) body.push(((nibbles[i + 1] ?? 0) << 4) | (nibbles[i] ?? 0));
    return [digits.length, number.startsWith('+') ? 0x91 : 0x81, ...body];
  }
  // An alphanumeric sender such as an operator's name: GSM-7 packed, length in semi-octets.
  const septets = gsm7Septets(number);
  return [Math.ceil((septets.length * 7) / 4), 0xd0, ...packBits(septets, 0)];
}

/** A time stamp at UTC `date` written in a zone `zoneQuarters` quarter hours east (may be negative). */
function timestampOctets(date: Date, zoneQuarters: number): number[] {
  const local = new Date(date.getTime() + zoneQuarters * 15 * 60_000);
  const zone = Math.abs(zoneQuarters);
  return [
    bcd(local.getUTCFullYear() % 100),
    bcd(local.getUTCMonth() + 1),
    bcd(local.getUTCDate()),
    bcd(local.getUTCHours()),
    bcd(local.getUTCMinutes()),
    bcd(local.getUTCSeconds()),
    bcd(zone) | (zoneQuarters < 0 ? 0x08 : 0),
  ];
}

export interface DeliverSpec {
  from: string;
  text: string;
  ucs2?: boolean;
  /** One part of a concatenated message. */
  concat?: { reference: number; total: number; index: number };
  sentAt?: Date;
  zoneQuarters?: number;
  smsc?: string;
}

/** The hex PDU (SMSC address first) of an SMS-DELIVER, and its TPDU length for +CMGR/+CMT. */
export function deliverPdu(spec: DeliverSpec): { pdu: string; tpduLength: number } {
  const udh = spec.concat ? [0x05, 0x00, 0x03, spec.concat.reference, spec.concat.total, spec.concat.index] : [];
  let udl: number;
  let ud: number[];
  if (spec.ucs2) {
    const units = [...spec.text].flatMap((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (code < 0x10000) return [code];
      const v = code - 0x10000;
      return [0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff)];
    });
    ud = [...udh, ...units.flatMap((u) => [u >> 8, u & 0xff])];
    udl = ud.length;
  } else {
    const septets = gsm7Septets(spec.text);
    const headerSeptets = Math.ceil((udh.length * 8) / 7);
    ud = [...udh, ...packBits(septets, headerSeptets * 7 - udh.length * 8)];
    udl = headerSeptets + septets.length;
  }
  const tpdu = [
    0x04 /* SMS-DELIVER, no more messages to send */ | (spec.concat ? 0x40 : 0),
    ...addressOctets(spec.from),
    0x00,
    spec.ucs2 ? 0x08 : 0x00,
    ...timestampOctets(spec.sentAt ?? new Date(), spec.zoneQuarters ?? 4),
    udl,
    ...ud,
  ];
  const smsc = spec.smsc ? addressOctets(spec.smsc) : [];
  const smscField = spec.smsc ? [smsc.length - 1, ...smsc.slice(1)] : [0];
  return { pdu: hex([...smscField, ...tpdu]), tpduLength: tpdu.length };
}

export interface StatusReportSpec {
  messageReference: number;
  recipient: string;
  status: number;
  at?: Date;
  smsc?: string;
}

export function statusReportPdu(spec: StatusReportSpec): { pdu: string; tpduLength: number } {
  const at = spec.at ?? new Date();
  const tpdu = [
    0x06 /* SMS-STATUS-REPORT, TP-MMS */,
    spec.messageReference,
    ...addressOctets(spec.recipient),
    ...timestampOctets(new Date(at.getTime() - 5000), 4),
    ...timestampOctets(at, 4),
    spec.status,
  ];
  const smsc = spec.smsc ? addressOctets(spec.smsc) : [];
  const smscField = spec.smsc ? [smsc.length - 1, ...smsc.slice(1)] : [0];
  return { pdu: hex([...smscField, ...tpdu]), tpduLength: tpdu.length };
}

export interface SubmitReading {
  to: string;
  statusReportRequested: boolean;
  /** TP-VP octet when relative validity is present. */
  validity: number | undefined;
  ucs2: boolean;
  concat: { reference: number; total: number; index: number } | undefined;
  text: string;
}

/** Reads an SMS-SUBMIT PDU (SMSC field first) as a client sent it. */
export function readSubmitPdu(pduHex: string): SubmitReading {
  const octets = [...Buffer.from(pduHex, 'hex')];
  let at = 1 + (octets[0] ?? 0);
  const first = octets[at++] ?? 0;
  if ((first & 0x03) !== 0x01) throw new Error(`not an SMS-SUBMIT: ${first.toString(16)}`);
  at++; // TP-MR
  const digits = octets[at++] ?? 0;
  const toa = octets[at++] ?? 0;
  const nibbles = octets.slice(at, at + Math.ceil(digits / 2)).flatMap((o) => [o & 0x0f, o >> 4]);
  at += Math.ceil(digits / 2);
  const to = (toa === 0x91 ? '+' : '') + nibbles.slice(0, digits).join('');
  at++; // TP-PID
  const dcs = octets[at++] ?? 0;
  const vpf = (first >> 3) & 0x03;
  const validity = vpf === 0x02 ? octets[at] : undefined;
  at += [0, 7, 1, 7][vpf] ?? 0;
  const udl = octets[at++] ?? 0;
  const ud = octets.slice(at);
  const hasUdh = (first & 0x40) !== 0;
  const udhOctets = hasUdh ? 1 + (ud[0] ?? 0) : 0;
  const concat =
    hasUdh && ud[1] === 0x00 && ud[2] === 0x03
      ? { reference: ud[3] ?? 0, total: ud[4] ?? 0, index: ud[5] ?? 0 }
      : undefined;
  const ucs2 = (dcs & 0x0c) === 0x08;
  let text: string;
  if (ucs2) {
    const body = ud.slice(udhOctets, udl);
    const units: number[] = [];
    for (let i = 0; i + 1 < body.length; i += 2) units.push(((body[i] ?? 0) << 8) | (body[i + 1] ?? 0));
    text = String.fromCharCode(...units);
  } else {
    const headerSeptets = Math.ceil((udhOctets * 8) / 7);
    text = gsm7Text(unpackBits(ud.slice(udhOctets), udl - headerSeptets, headerSeptets * 7 - udhOctets * 8));
  }
  return { to, statusReportRequested: (first & 0x20) !== 0, validity, ucs2, concat, text };
}
