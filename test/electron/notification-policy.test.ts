import { describe, expect, it } from 'vitest';
import type { InboundRow } from '../../src-main/contract/messages-schemas';
import { NotificationPolicy, replyNeedsStaff } from '../../src-main/electron/notification-policy';

type Reply = Pick<InboundRow, 'id' | 'clientName' | 'handledAt' | 'interpretation'>;
const reply = (id: number, overrides: Partial<Reply> = {}): Reply => ({ id, clientName: 'Rossi Mario', handledAt: null, interpretation: 'other', ...overrides });

function policy(language: 'it' | 'en' = 'en') {
  let now = 1_000_000;
  const subject = new NotificationPolicy({ language: () => language, now: () => now, minIntervalMs: 60_000 });
  return { subject, advance: (ms: number) => (now += ms) };
}

describe('replyNeedsStaff', () => {
  it('cancellation requests and free text do; confirmations, opt-outs and handled replies do not', () => {
    expect(replyNeedsStaff({ handledAt: null, interpretation: 'cancel' })).toBe(true);
    expect(replyNeedsStaff({ handledAt: null, interpretation: 'other' })).toBe(true);
    expect(replyNeedsStaff({ handledAt: null, interpretation: 'confirm' })).toBe(false);
    expect(replyNeedsStaff({ handledAt: null, interpretation: 'opt_out' })).toBe(false);
    expect(replyNeedsStaff({ handledAt: 5, interpretation: 'other' })).toBe(false);
  });
});

describe('NotificationPolicy', () => {
  it('notifies a reply that needs staff once, naming the client but never the text or number', () => {
    const { subject } = policy();
    const notice = subject.onReply(reply(1, { interpretation: 'cancel' }));
    expect(notice).toEqual({ opens: 'inbox', title: 'Reply to handle', body: 'Rossi Mario asks to cancel their appointment.' });
    expect(subject.onReply(reply(1, { interpretation: 'cancel' }))).toBeNull();
    expect(subject.onReply(reply(2, { interpretation: 'confirm' }))).toBeNull();
  });

  it('speaks Italian, and words an unknown sender', () => {
    const { subject } = policy('it');
    expect(subject.onReply(reply(1, { clientName: null }))).toMatchObject({ title: 'Risposta da gestire', body: expect.stringMatching(/^Un numero sconosciuto ha risposto/) });
  });

  it('notifies a failed message, once; a retried message that fails again is news again', () => {
    const { subject, advance } = policy();
    expect(subject.onMessage({ id: 7, clientName: 'Bianchi Anna', state: 'submitted' })).toBeNull();
    expect(subject.onMessage({ id: 7, clientName: 'Bianchi Anna', state: 'failed' })).toEqual({
      opens: 'outbox',
      title: 'SMS not sent',
      body: 'The message to Bianchi Anna could not be sent: open Messages for the reason.',
    });
    expect(subject.onMessage({ id: 7, clientName: 'Bianchi Anna', state: 'failed' })).toBeNull();
    advance(60_000);
    subject.onMessage({ id: 7, clientName: 'Bianchi Anna', state: 'queued' });
    expect(subject.onMessage({ id: 7, clientName: 'Bianchi Anna', state: 'failed' })).not.toBeNull();
  });

  it('rate-limits a burst to one notification, then one summary after the interval', () => {
    const { subject, advance } = policy();
    expect(subject.onMessage({ id: 1, clientName: null, state: 'failed' })).not.toBeNull();
    for (let id = 2; id <= 50; id++) expect(subject.onMessage({ id, clientName: null, state: 'failed' })).toBeNull();
    expect(subject.flush()).toEqual([]);
    advance(59_999);
    expect(subject.flush()).toEqual([]);
    advance(1);
    expect(subject.flush()).toEqual([{ opens: 'outbox', title: 'SMS not sent', body: '49 messages could not be sent: open Messages for the reasons.' }]);
    expect(subject.flush()).toEqual([]);
  });

  it('folds what was held into the next notification when no flush came in between', () => {
    const { subject, advance } = policy();
    subject.onReply(reply(1));
    subject.onReply(reply(2));
    subject.onReply(reply(3));
    advance(60_000);
    expect(subject.onReply(reply(4))).toEqual({ opens: 'inbox', title: 'Reply to handle', body: '3 replies are waiting in Messages → Replies.' });
  });

  it('limits replies and failures separately', () => {
    const { subject } = policy();
    expect(subject.onReply(reply(1))).not.toBeNull();
    expect(subject.onMessage({ id: 1, clientName: null, state: 'failed' })).not.toBeNull();
  });
});
