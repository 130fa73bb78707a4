import type { MessageState } from '../../../src-main/contract/messages-schemas';

/** The outbox's state filter: what an office asks ("what is still to go?", "what failed?"), not every state. */
export const stateFilters = ['all', 'queued', 'sent', 'delivered', 'failed', 'closed'] as const;
export type StateFilter = (typeof stateFilters)[number];

const STATES: Record<StateFilter, MessageState[] | undefined> = {
  all: undefined,
  // Being handed to the channel right now is still "to go".
  queued: ['queued', 'sending'],
  sent: ['submitted'],
  delivered: ['delivered'],
  failed: ['failed'],
  closed: ['cancelled', 'expired'],
};

/** The states `messages.list` is asked for; undefined for all of them. */
export function statesOf(filter: StateFilter): MessageState[] | undefined {
  return STATES[filter];
}

/** Each state's Mantine colour, for badges and the timeline. */
export const stateColors: Record<MessageState, string> = {
  queued: 'blue',
  sending: 'cyan',
  submitted: 'teal',
  delivered: 'green',
  failed: 'red',
  expired: 'gray',
  cancelled: 'gray',
};

/** What a person can do with a message in this state. */
export function messageActions(state: MessageState): ('sendNow' | 'cancel' | 'retry')[] {
  if (state === 'queued') return ['sendNow', 'cancel'];
  if (state === 'failed' || state === 'expired' || state === 'cancelled') return ['retry'];
  return [];
}
