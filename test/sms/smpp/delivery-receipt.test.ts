/**
 * Receipt texts and ids in the shapes SMSCs really send, beyond what the Perl
 * SMSC writes: fields in other cases, a "text:" that quotes a "stat:", TLV-only
 * receipts, ids with leading zeros.
 */
import { describe, expect, it } from 'vitest';
import { parseDeliveryReceipt } from '../../../src-main/sms/smpp/delivery-receipt';
import { receiptIdKeys, SubmittedReferences } from '../../../src-main/sms/smpp/submitted-references';

describe('parseDeliveryReceipt', () => {
  it('reads id, stat and err, ignoring what the quoted text says', () => {
    const text = 'id:0A1B2C sub:001 dlvrd:000 submit date:2501151030 done date:2501151031 stat:UNDELIV err:034 text:stat:DELIVRD ok';
    expect(parseDeliveryReceipt(text, {})).toEqual({ messageIds: ['0A1B2C'], detail: 'UNDELIV err:034', state: 'failed' });
  });

  it('accepts other letter cases and puts the TLV id first', () => {
    expect(parseDeliveryReceipt('ID:77 Stat:delivrd Err:000', { receiptedMessageId: '4D' })).toEqual({
      messageIds: ['4D', '77'],
      detail: 'DELIVRD',
      state: 'delivered',
    });
  });

  it('falls back on the message_state TLV when the text has no stat', () => {
    expect(parseDeliveryReceipt('', { receiptedMessageId: '12', messageState: 3 })).toMatchObject({ detail: 'EXPIRED', state: 'expired' });
    expect(parseDeliveryReceipt('', { receiptedMessageId: '12', messageState: 1 })).toMatchObject({ detail: 'ENROUTE', state: 'unknown' });
  });

  it('is undefined when no message is named', () => {
    expect(parseDeliveryReceipt('stat:DELIVRD', {})).toBeUndefined();
  });
});

describe('receipt id matching', () => {
  it('matches hex to decimal and back, whatever the case and leading zeros', () => {
    const references = new SubmittedReferences(10);
    references.remember('3000000000');
    references.remember('b2d05e01');
    expect(references.match('B2D05E00')).toBe('3000000000');
    expect(references.match('00B2D05E00')).toBe('3000000000');
    expect(references.match('3000000001')).toBe('b2d05e01');
    expect(references.match('3000000002')).toBeUndefined();
  });

  it('prefers the literal reading of an id that is valid both ways', () => {
    expect(receiptIdKeys('10')).toEqual(['10', '16', 'a']);
    const references = new SubmittedReferences(10);
    references.remember('16');
    references.remember('10');
    expect(references.match('10')).toBe('10');
  });

  it('forgets the oldest ids beyond its capacity', () => {
    const references = new SubmittedReferences(2);
    for (const id of ['1', '2', '3']) references.remember(id);
    expect(references.match('1')).toBeUndefined();
    expect(references.match('3')).toBe('3');
  });
});
