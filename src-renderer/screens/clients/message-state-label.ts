import type { MessageKey } from '../../i18n/messages-en';
import type { I18n } from '../../i18n/i18n-context';

/** Outbox states and how a reply was read, as the client page words them. */
const STATES = {
  queued: 'clients.messageState.queued',
  sending: 'clients.messageState.sending',
  submitted: 'clients.messageState.submitted',
  delivered: 'clients.messageState.delivered',
  failed: 'clients.messageState.failed',
  expired: 'clients.messageState.expired',
  cancelled: 'clients.messageState.cancelled',
  confirm: 'clients.messageState.confirm',
  cancel: 'clients.messageState.cancel',
  opt_out: 'clients.messageState.opt_out',
  other: 'clients.messageState.other',
} as const satisfies Record<string, MessageKey>;

/** A state the messages module adds later is shown as stored rather than hidden. */
export function messageStateLabel(t: I18n['t'], state: string): string {
  return Object.hasOwn(STATES, state) ? t(STATES[state as keyof typeof STATES]) : state;
}
