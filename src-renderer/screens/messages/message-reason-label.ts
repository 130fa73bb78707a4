import { readReason, type MessageReasonKey } from '../../../src-main/contract/message-reasons';
import type { MessageKey } from '../../i18n/messages-en';
import type { MessageVars } from '../../i18n/translate';

/** The provider's t(), typed here so this module stays free of React (and testable without it). */
type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** Every reason the core stores has its words here: a reason added there without one fails the type check. */
const LABELS = {
  planned: 'reason.planned',
  replanned: 'reason.replanned',
  plannedAgain: 'reason.plannedAgain',
  appointmentCancelled: 'reason.appointmentCancelled',
  cancelRequested: 'reason.cancelRequested',
  appointmentClosed: 'reason.appointmentClosed',
  appointmentCancelledOrClosed: 'reason.appointmentCancelledOrClosed',
  appointmentMoved: 'reason.appointmentMoved',
  appointmentDeleted: 'reason.appointmentDeleted',
  appointmentStarted: 'reason.appointmentStarted',
  noMobile: 'reason.noMobile',
  optedOut: 'reason.optedOut',
  ruleNoLongerApplies: 'reason.ruleNoLongerApplies',
  ruleDeleted: 'reason.ruleDeleted',
  tooClose: 'reason.tooClose',
  lateWhenPlanned: 'reason.lateWhenPlanned',
  quietLeavesNoTime: 'reason.quietLeavesNoTime',
  lessThanLead: 'reason.lessThanLead',
  interrupted: 'reason.interrupted',
  sendNowByHand: 'reason.sendNowByHand',
  retryByHand: 'reason.retryByHand',
  cancelledByHand: 'reason.cancelledByHand',
} as const satisfies Record<MessageReasonKey, MessageKey>;

/** A stored reason ("skipped: quiet hours leave no time…") in the screen's language; a channel's own words as they came. */
export function messageReasonLabel(t: Translate, text: string): string {
  const reason = readReason(text);
  switch (reason.kind) {
    case 'known':
      return t(LABELS[reason.key]);
    case 'skipped':
      return t('reason.skipped', { reason: t(LABELS[reason.key]) });
    case 'notDelivered':
      return t('reason.notDelivered', { report: reason.report });
    case 'gaveUp':
      return t('reason.gaveUp', { tries: reason.tries, reason: reason.reason });
    case 'acknowledges':
      return t('reason.acknowledges');
    case 'other':
      return reason.text;
  }
}
