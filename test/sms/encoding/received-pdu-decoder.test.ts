import { describe, expect, it } from 'vitest';
import { decodeReceivedPdu, PduFormatError, type ReceivedPdu } from '../../../src-main/sms/encoding';
import { deliverPdu, statusReportPdu } from '../../peers/modem-simulator/network-pdus';

function asDeliver(pdu: ReceivedPdu) {
  if (pdu.type !== 'deliver') throw new Error(`expected a deliver, got ${pdu.type}`);
  return pdu;
}
function asReport(pdu: ReceivedPdu) {
  if (pdu.type !== 'status-report') throw new Error(`expected a status report, got ${pdu.type}`);
  return pdu;
}

describe('SMS-DELIVER', () => {
  it('decodes the textbook example (GSM 03.40 tutorials: "hellohello")', () => {
    const pdu = asDeliver(
      decodeReceivedPdu('07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37'),
    );
    expect(pdu).toMatchObject({ smsc: '+27381000015', from: '27838890001', alphabet: 'gsm7', text: 'hellohello' });
    expect(pdu.concat).toBeUndefined();
    // 99-03-29 15:16:59 at +02:00
    expect(pdu.serviceCentreTime).toBe(Date.UTC(1999, 2, 29, 13, 16, 59));
  });

  it('reads an Italian text with € from an international sender, in the sender zone', () => {
    const sentAt = new Date(Date.UTC(2025, 2, 30, 0, 59, 58));
    const { pdu, tpduLength } = deliverPdu({
      from: '+393331234567',
      text: 'Però sì, 30 € [ok] à',
      sentAt,
      zoneQuarters: 8,
      smsc: '+393359609600',
    });
    const decoded = asDeliver(decodeReceivedPdu(pdu, tpduLength));
    expect(decoded).toMatchObject({ smsc: '+393359609600', from: '+393331234567', text: 'Però sì, 30 € [ok] à' });
    expect(decoded.serviceCentreTime).toBe(sentAt.getTime());
  });

  it('reads a negative time zone', () => {
    const sentAt = new Date(Date.UTC(2024, 11, 31, 23, 30, 0));
    const { pdu } = deliverPdu({ from: '+12025550100', text: 'hi', sentAt, zoneQuarters: -20 });
    expect(asDeliver(decodeReceivedPdu(pdu)).serviceCentreTime).toBe(sentAt.getTime());
  });

  it('reads UCS-2 with an emoji', () => {
    const { pdu } = deliverPdu({ from: '+393331234567', text: 'Sì 😀 grazie', ucs2: true });
    expect(asDeliver(decodeReceivedPdu(pdu))).toMatchObject({ alphabet: 'ucs2', text: 'Sì 😀 grazie' });
  });

  it('reads one part of a concatenated GSM-7 message, after the header and its fill bit', () => {
    const { pdu } = deliverPdu({ from: '3331234567', text: 'seconda parte', concat: { reference: 200, total: 3, index: 2 } });
    expect(asDeliver(decodeReceivedPdu(pdu))).toMatchObject({
      from: '3331234567',
      text: 'seconda parte',
      concat: { reference: 200, total: 3, index: 2 },
    });
  });

  it('reads one part of a concatenated UCS-2 message', () => {
    const { pdu } = deliverPdu({ from: '+39333', text: '😀 fine', ucs2: true, concat: { reference: 7, total: 2, index: 2 } });
    expect(asDeliver(decodeReceivedPdu(pdu))).toMatchObject({ text: '😀 fine', concat: { reference: 7, total: 2, index: 2 } });
  });

  it('reads an alphanumeric sender', () => {
    const { pdu } = deliverPdu({ from: 'TIM', text: 'Credito residuo' });
    expect(asDeliver(decodeReceivedPdu(pdu)).from).toBe('TIM');
  });
});

describe('SMS-STATUS-REPORT', () => {
  it.each([
    [0x00, 'delivered'],
    [0x01, 'delivered'],
    [0x20, 'pending'],
    [0x30, 'pending'],
    [0x41, 'failed'],
    [0x46, 'expired'],
    [0x60, 'failed'],
    [0x65, 'failed'],
  ] as const)('TP-Status %i is %s', (status, outcome) => {
    const at = new Date(Date.UTC(2025, 5, 1, 8, 0, 0));
    const { pdu } = statusReportPdu({ messageReference: 42, recipient: '+393331234567', status, at, smsc: '+393359609600' });
    expect(asReport(decodeReceivedPdu(pdu))).toMatchObject({
      messageReference: 42,
      recipient: '+393331234567',
      status,
      outcome,
      dischargeTime: at.getTime(),
    });
  });

  it('reads a +CDS PDU that comes without the SMSC field, told by its length', () => {
    const { pdu, tpduLength } = statusReportPdu({ messageReference: 7, recipient: '+39333', status: 0 });
    const tpduOnly = pdu.slice(2); // the builder wrote "00" for "no SMSC"
    expect(asReport(decodeReceivedPdu(tpduOnly, tpduLength))).toMatchObject({ messageReference: 7, outcome: 'delivered' });
  });
});

describe('malformed PDUs', () => {
  it.each([
    ['not hex', 'zz'],
    ['odd length', '0'],
    ['empty', ''],
    ['cut short', '07917283010010F5040BC872388809'],
    ['an SMS-SUBMIT', '0011000C919333133254760000A704C374F80D'],
  ])('%s is a PduFormatError', (_name, hex) => {
    expect(() => decodeReceivedPdu(hex)).toThrow(PduFormatError);
  });
});
