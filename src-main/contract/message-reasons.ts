/**
 * Why a message changed state, as the core stores it in `messages.error` and
 * `message_events.detail`. Stored in English, so the log reads the same to
 * whoever supports the office whatever language the screen is in; the UI shows
 * each reason in the office's language by its key. What a channel reports (an
 * SMSC's status, a modem's error, a delivery report) is stored as reported.
 */
export const messageReasons = {
  planned: 'planned',
  replanned: 'replanned',
  plannedAgain: 'planned again',
  appointmentCancelled: 'the appointment was cancelled',
  cancelRequested: 'the client asked to cancel the appointment',
  appointmentClosed: 'the appointment is closed',
  appointmentCancelledOrClosed: 'the appointment was cancelled or closed',
  appointmentMoved: 'the appointment was moved',
  appointmentDeleted: 'the appointment was deleted',
  appointmentStarted: 'the appointment has started',
  noMobile: 'the client has no mobile number',
  optedOut: 'the client does not want SMS reminders',
  ruleNoLongerApplies: 'the reminder rule no longer applies',
  ruleDeleted: 'its reminder rule was deleted',
  tooClose: 'too close to the appointment to be useful',
  lateWhenPlanned: 'its time had already passed when it was planned',
  quietLeavesNoTime: 'quiet hours leave no time to send it before the appointment',
  lessThanLead: 'it would arrive less than the minimum lead time before the appointment',
  interrupted: 'Promemoria stopped while sending it: it may arrive twice',
  sendNowByHand: 'send now, by hand',
  retryByHand: 'retry, by hand',
  cancelledByHand: 'cancelled by hand',
} as const;
export type MessageReasonKey = keyof typeof messageReasons;
export type MessageReason = (typeof messageReasons)[MessageReasonKey];

/** The reasons with a variable part, written and read back by these functions only. */
export const reasonFormats = {
  skipped: (reason: MessageReason) => `skipped: ${reason}`,
  notDelivered: (report: string) => `not delivered (${report})`,
  gaveUp: (tries: number, reason: string) => `gave up after ${tries} tries: ${reason}`,
  acknowledges: (replyId: number) => `acknowledges reply ${replyId}`,
};

export type ReadReason =
  | { kind: 'known'; key: MessageReasonKey }
  | { kind: 'skipped'; key: MessageReasonKey }
  | { kind: 'notDelivered'; report: string }
  | { kind: 'gaveUp'; tries: number; reason: string }
  | { kind: 'acknowledges'; replyId: number }
  /** Anything else (a channel's own words): shown as stored. */
  | { kind: 'other'; text: string };

const byText = new Map<string, MessageReasonKey>(Object.entries(messageReasons).map(([key, text]) => [text, key as MessageReasonKey]));

/** A stored reason, taken apart so the UI can word it in any language. */
export function readReason(text: string): ReadReason {
  const known = byText.get(text);
  if (known) return { kind: 'known', key: known };
  const skipped = /^skipped: (.*)$/s.exec(text)?.[1];
  const skippedKey = skipped === undefined ? undefined : byText.get(skipped);
  if (skippedKey) return { kind: 'skipped', key: skippedKey };
  const report = /^not delivered \((.*)\)$/s.exec(text)?.[1];
  if (report !== undefined) return { kind: 'notDelivered', report };
  const gaveUp = /^gave up after (\d+) tries: (.*)$/s.exec(text);
  if (gaveUp) return { kind: 'gaveUp', tries: Number(gaveUp[1]), reason: gaveUp[2] ?? '' };
  const ack = /^acknowledges reply (\d+)$/.exec(text)?.[1];
  if (ack !== undefined) return { kind: 'acknowledges', replyId: Number(ack) };
  return { kind: 'other', text };
}
