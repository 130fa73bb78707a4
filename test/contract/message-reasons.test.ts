import { describe, expect, it } from 'vitest';
import { messageReasons, readReason, reasonFormats, type MessageReasonKey } from '../../src-main/contract/message-reasons';

describe('stored message reasons', () => {
  it('reads every fixed reason back to its key', () => {
    for (const [key, text] of Object.entries(messageReasons)) expect(readReason(text)).toEqual({ kind: 'known', key });
  });

  it('reads the reasons with a variable part back into their parts', () => {
    expect(readReason(reasonFormats.skipped(messageReasons.quietLeavesNoTime))).toEqual({ kind: 'skipped', key: 'quietLeavesNoTime' satisfies MessageReasonKey });
    expect(readReason(reasonFormats.notDelivered('UNDELIV'))).toEqual({ kind: 'notDelivered', report: 'UNDELIV' });
    expect(readReason(reasonFormats.gaveUp(8, 'the SMSC asks to slow down (throttled) (ESME_RTHROTTLED)'))).toEqual({
      kind: 'gaveUp',
      tries: 8,
      reason: 'the SMSC asks to slow down (throttled) (ESME_RTHROTTLED)',
    });
    expect(readReason(reasonFormats.acknowledges(12))).toEqual({ kind: 'acknowledges', replyId: 12 });
  });

  it('leaves a channel\'s own words as they are', () => {
    expect(readReason('the SMSC refused the destination number (ESME_RINVDSTADR)')).toEqual({
      kind: 'other',
      text: 'the SMSC refused the destination number (ESME_RINVDSTADR)',
    });
    expect(readReason('skipped: something new')).toEqual({ kind: 'other', text: 'skipped: something new' });
  });

  it('has no quotes in any reason, since the outbox puts some into its SQL text', () => {
    for (const text of Object.values(messageReasons)) expect(text).not.toMatch(/['"]/);
  });
});
