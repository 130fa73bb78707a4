/**
 * What a modem hands over is not always well formed (a line cut short, noise on the
 * serial port, a phone with its own ideas): decoding either gives a value or throws
 * PduFormatError, never another error. And what we encode for sending reads back:
 * with the test peer's SMS-SUBMIT reader (written apart from src-main on purpose),
 * and with our own decoder once the same user data is put in an SMS-DELIVER.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeReceivedPdu,
  encodeSubmitPdus,
  PduFormatError,
  readConcatInfo,
  splitMessage,
  type ReceivedPdu,
} from '../../src-main/sms/encoding';
import { readSubmitPdu } from '../peers/modem-simulator/network-pdus';
import { runs } from './runs';

const hex = (bytes: Uint8Array | number[]): string => Buffer.from(bytes).toString('hex');

/** Decodes, and says whether it threw anything but a PduFormatError (which is what the caller catches). */
function decodeOrFormatError(pduHex: string, tpduLength?: number): ReceivedPdu | PduFormatError {
  try {
    return decodeReceivedPdu(pduHex, tpduLength);
  } catch (err) {
    if (err instanceof PduFormatError) return err;
    throw new Error(`decodeReceivedPdu(${JSON.stringify(pduHex)}, ${tpduLength}) threw ${String(err)}`, { cause: err });
  }
}

function checkDecoded(result: ReceivedPdu | PduFormatError): void {
  if (result instanceof PduFormatError) {
    expect(result.message.length).toBeGreaterThan(0);
    return;
  }
  expect(typeof result.smsc === 'string' || result.smsc === undefined).toBe(true);
  expect(Number.isFinite(result.serviceCentreTime)).toBe(true);
  if (result.type === 'deliver') {
    expect(typeof result.from).toBe('string');
    expect(typeof result.text).toBe('string');
    expect(['gsm7', '8bit', 'ucs2']).toContain(result.alphabet);
  } else {
    expect(Number.isFinite(result.dischargeTime)).toBe(true);
    expect(['delivered', 'failed', 'expired', 'pending']).toContain(result.outcome);
  }
}

/** Swapped-BCD digits as a modem writes them, sometimes with nibbles no digit has. */
const octet = fc.integer({ min: 0, max: 255 });
const octets = (max: number) => fc.array(octet, { maxLength: max, size: 'medium' });

/**
 * A PDU shaped like a real one (SMSC field, first octet, address, PID, DCS, time
 * stamps, UDL, user data) with every value random: random bytes alone rarely get
 * past the address, this reaches the user data and the header.
 */
const shapedPdu = fc
  .record({
    smsc: fc.oneof(
      { weight: 3, arbitrary: fc.constant([0]) },
      { weight: 1, arbitrary: octets(12).map((body) => [body.length, ...body]) },
      { weight: 1, arbitrary: octets(12) },
    ),
    mti: fc.constantFrom(0, 0, 2, 2, 1, 3),
    /** Usually the user data header indicator set or not on purpose; any other bits at random. */
    flags: fc.oneof(fc.constantFrom(0x04, 0x44, 0x06, 0x40), octet),
    reference: octet,
    addressDigits: fc.integer({ min: 0, max: 24 }),
    toa: fc.constantFrom(0x91, 0x81, 0xd0, 0xa1, 0x00, 0xff),
    /** Usually as many octets as the digit count says, sometimes not. */
    addressOctets: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined, freq: 3 }),
    addressBody: octets(14),
    pid: octet,
    dcs: fc.oneof(fc.constantFrom(0x00, 0x04, 0x08, 0x10, 0x18, 0x20, 0xc0, 0xd0, 0xe0, 0xf0, 0xf4, 0x80), octet),
    timestamps: fc.array(octet, { minLength: 14, maxLength: 14 }),
    /** How many time stamp octets there are: usually right (7, or 14 in a status report), sometimes short. */
    timestampOctets: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined, freq: 3 }),
    udl: fc.oneof(octet, fc.integer({ min: 0, max: 20 })),
    userData: fc.oneof(
      octets(160),
      // A user data header, well formed or not, before random text.
      fc
        .tuple(
          fc.integer({ min: 0, max: 20 }),
          fc.constantFrom(0x00, 0x08, 0x24, 0xff),
          fc.integer({ min: 0, max: 6 }),
          octets(150),
        )
        .map(([udhl, iei, ieLength, rest]) => [udhl, iei, ieLength, ...rest]),
      // A concatenation header as phones send it (8- or 16-bit reference), then random text.
      fc
        .tuple(fc.boolean(), octets(4), octets(140))
        .map(([wide, values, rest]) => {
          const padded = [...values, 0, 0, 0, 0];
          const header = wide ? [6, 8, 4, ...padded.slice(0, 4)] : [5, 0, 3, ...padded.slice(0, 3)];
          return [...header, ...rest];
        }),
    ),
  })
  .map((p) => {
    const deliver = p.mti === 0 || p.mti === 1;
    const body = Array.from({ length: p.addressOctets ?? Math.ceil(p.addressDigits / 2) }, (_, i) => p.addressBody[i] ?? 0xff);
    const address = [p.addressDigits, p.toa, ...body];
    const first = (p.flags & ~0x03) | p.mti;
    const tpdu = deliver
      ? [first, ...address, p.pid, p.dcs, ...p.timestamps.slice(0, p.timestampOctets ?? 7), p.udl, ...p.userData]
      : [first, p.reference, ...address, ...p.timestamps.slice(0, p.timestampOctets ?? 14), p.pid, ...p.userData];
    return { pdu: [...p.smsc, ...tpdu], tpduLength: tpdu.length };
  });

const tpduLengthFor = (length: number) => fc.option(fc.oneof(fc.constant(length), fc.integer({ min: -5, max: 400 })), { nil: undefined });

describe('decodeReceivedPdu on bad input', () => {
  it('random text: a PduFormatError unless it is hex octets', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', size: 'medium' }),
      fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF \n'), size: 'medium' }),
    );
    fc.assert(
      fc.property(text, fc.option(fc.integer({ min: -5, max: 400 }), { nil: undefined }), (pduHex, tpduLength) => {
        const result = decodeOrFormatError(pduHex, tpduLength);
        checkDecoded(result);
        if (!/^(?:[0-9a-fA-F]{2})+$/.test(pduHex)) expect(result).toBeInstanceOf(PduFormatError);
      }),
      { numRuns: runs(800) },
    );
  });

  it('random octets, upper or lower case: a value or a PduFormatError', () => {
    fc.assert(
      fc.property(
        octets(200).chain((bytes) => fc.tuple(fc.constant(bytes), fc.boolean(), tpduLengthFor(Math.max(0, bytes.length - 1 - (bytes[0] ?? 0))))),
        ([bytes, upper, tpduLength]) => {
          const text = upper ? hex(bytes).toUpperCase() : hex(bytes);
          checkDecoded(decodeOrFormatError(text, tpduLength));
        },
      ),
      { numRuns: runs(1500) },
    );
  });

  it('PDUs shaped like SMS-DELIVER and SMS-STATUS-REPORT with random fields: a value or a PduFormatError', () => {
    fc.assert(
      fc.property(shapedPdu.chain((shaped) => fc.tuple(fc.constant(shaped), tpduLengthFor(shaped.tpduLength))), ([shaped, tpduLength]) => {
        checkDecoded(decodeOrFormatError(hex(shaped.pdu), tpduLength));
      }),
      { numRuns: runs(1500) },
    );
  });

  it('a PDU cut short anywhere: a value or a PduFormatError', () => {
    fc.assert(
      fc.property(shapedPdu, fc.nat(), (shaped, cut) => {
        const bytes = shaped.pdu.slice(0, cut % (shaped.pdu.length + 1));
        if (bytes.length === 0) return;
        checkDecoded(decodeOrFormatError(hex(bytes)));
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('readConcatInfo on random headers', () => {
  it('never throws, and finds a reference, a total and an index in range, or nothing', () => {
    const header = fc.oneof(
      octets(40),
      fc.array(fc.constantFrom(0x00, 0x03, 0x04, 0x05, 0x08, 0xff), { maxLength: 20, size: 'medium' }),
    );
    fc.assert(
      fc.property(header, (bytes) => {
        const info = readConcatInfo(Uint8Array.from(bytes));
        if (info === undefined) return;
        expect(Number.isInteger(info.reference) && info.reference >= 0 && info.reference <= 0xffff).toBe(true);
        for (const n of [info.total, info.index]) expect(Number.isInteger(n) && n >= 0 && n <= 255).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });
});

/* ---- Round trip: SMS-SUBMIT out, read back ---- */

const GSM7 = [
  ...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà€[]{}\\^~|\f',
];
const textChar = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...GSM7) },
  { weight: 1, arbitrary: fc.constantFrom(...'ÈÀ’“”…😀👍🏻𝄞') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);
/** Up to 640 characters: the longest text the API lets a test send or a reminder reach. */
const smsText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...GSM7), maxLength: 640, size: 'large' }),
  fc.string({ unit: textChar, maxLength: 640, size: 'large' }),
  fc.string({ unit: textChar, maxLength: 20 }),
);
const destination = fc.tuple(fc.boolean(), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 20 })).map(
  ([international, digits]) => (international ? `+${digits}` : digits),
);
const submitRequest = fc.record({
  to: destination,
  text: smsText,
  requestStatusReport: fc.boolean(),
  validityMinutes: fc.option(fc.integer({ min: 0, max: 700_000 }), { nil: undefined }),
  concatReference: fc.integer({ min: 0, max: 255 }),
});

/** The same user data in an SMS-DELIVER from the destination, as the network would hand it to the other phone. */
function asDeliver(submitHex: string): string {
  const pdu = Buffer.from(submitHex, 'hex');
  const tpdu = pdu.subarray(1 + (pdu[0] ?? 0));
  const first = tpdu[0] ?? 0;
  const addressEnd = 2 + 2 + Math.ceil((tpdu[2] ?? 0) / 2);
  const address = tpdu.subarray(2, addressEnd);
  const pidDcs = tpdu.subarray(addressEnd, addressEnd + 2);
  const validityOctets = [0, 7, 1, 7][(first >> 3) & 0x03] ?? 0;
  const userDataWithLength = tpdu.subarray(addressEnd + 2 + validityOctets);
  const timestamp = [0x52, 0x30, 0x03, 0x21, 0x43, 0x65, 0x40]; // 25-03-30 12:34:56 +10 quarters
  return hex([0x00, 0x04 | (first & 0x40), ...address, ...pidDcs, ...timestamp, ...userDataWithLength]);
}

describe('SMS-SUBMIT PDUs read back', () => {
  it('every part carries its slice of the text, with the concatenation header, in at most 140 octets of user data', () => {
    fc.assert(
      fc.property(submitRequest, (request) => {
        const { encoding, pdus } = encodeSubmitPdus(request);
        const { parts } = splitMessage(request.text);
        expect(pdus).toHaveLength(parts.length);
        const texts: string[] = [];
        pdus.forEach(({ pdu, tpduLength }, i) => {
          const bytes = Buffer.from(pdu, 'hex');
          expect(bytes.length - 1).toBe(tpduLength);
          const reading = readSubmitPdu(pdu);
          expect(reading).toMatchObject({
            to: request.to,
            statusReportRequested: request.requestStatusReport,
            ucs2: encoding === 'ucs2',
            concat: pdus.length > 1 ? { reference: request.concatReference, total: pdus.length, index: i + 1 } : undefined,
          });
          expect(reading.validity === undefined).toBe(request.validityMinutes === undefined);
          expect(bytes.length - userDataStart(bytes)).toBeLessThanOrEqual(140);
          texts.push(reading.text);

          const delivered = decodeReceivedPdu(asDeliver(pdu));
          expect(delivered).toMatchObject({
            type: 'deliver',
            from: request.to,
            alphabet: encoding,
            text: parts[i]?.text,
            concat: pdus.length > 1 ? { reference: request.concatReference, total: pdus.length, index: i + 1 } : undefined,
          });
        });
        expect(texts.join('')).toBe(request.text);
      }),
      { numRuns: runs(300) },
    );
  });

  it('a destination that is not up to 20 digits (after an optional +) is a PduFormatError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'0123456789+ -') })), (to) => {
        try {
          encodeSubmitPdus({ to, text: 'Promemoria', requestStatusReport: false, concatReference: 1 });
          expect(to).toMatch(/^\+?[0-9]{1,20}$/);
        } catch (err) {
          expect(err).toBeInstanceOf(PduFormatError);
          expect(to).not.toMatch(/^\+?[0-9]{1,20}$/);
        }
      }),
      { numRuns: runs(500) },
    );
  });
});

/** Where the user data starts in an SMS-SUBMIT (SMSC field first): after the UDL octet. */
function userDataStart(pdu: Buffer): number {
  const tpdu = 1 + (pdu[0] ?? 0);
  const first = pdu[tpdu] ?? 0;
  const addressEnd = tpdu + 2 + 2 + Math.ceil((pdu[tpdu + 2] ?? 0) / 2);
  const validityOctets = [0, 7, 1, 7][(first >> 3) & 0x03] ?? 0;
  return addressEnd + 2 + validityOctets + 1;
}
