import { lawfulBases, type ConsentPurpose, type ConsentState } from '../../../../src-main/contract/consents-methods';
import type { ClientSummary } from '../../../../src-main/contract/clients-schemas';
import type { MessageKey } from '../../../i18n/messages-en';

/**
 * "Given", "Withdrawn", and for no record the purpose's default: reminders are
 * sent by mandate (the client may object), recall and marketing are not given.
 */
export function stateKey(purpose: ConsentPurpose, state: ConsentState): MessageKey {
  if (state === 'granted') return 'privacy-consents.state.granted';
  if (state === 'withdrawn') return 'privacy-consents.state.withdrawn';
  return lawfulBases[purpose] === 'mandate' ? 'privacy-consents.state.mandate' : 'privacy-consents.state.notGiven';
}

/** Why there is a state with no record, for a tooltip; undefined when a record decides. */
export function stateHintKey(purpose: ConsentPurpose, state: ConsentState): MessageKey | undefined {
  if (state !== 'none') return undefined;
  return lawfulBases[purpose] === 'mandate' ? 'privacy-consents.state.mandate.hint' : 'privacy-consents.state.notGiven.hint';
}

/** Green when messages of that purpose may go (given, or reminders by mandate), red when withdrawn, grey when never given. */
export function stateColor(purpose: ConsentPurpose, state: ConsentState): string {
  if (state === 'granted') return 'green';
  if (state === 'withdrawn') return 'red';
  return lawfulBases[purpose] === 'mandate' ? 'teal' : 'gray';
}

/** Whether messages of the purpose may go to the client as far as the ledger says. */
export function isAllowed(purpose: ConsentPurpose, state: ConsentState): boolean {
  return state === 'granted' || (state === 'none' && lawfulBases[purpose] === 'mandate');
}

/** What the panel's table shows: one purpose's clients, in one state or all. */
export interface ConsentFilter {
  purpose: ConsentPurpose;
  /** Undefined: every client. */
  state: ConsentState | undefined;
}

/** "Rossi Mario", as the client list names people. */
export function fullName(client: Pick<ClientSummary, 'lastName' | 'firstName'>): string {
  return `${client.lastName} ${client.firstName}`.trim();
}
