import { describe, expect, it } from 'vitest';
import { messageStates } from '../../../src-main/contract/messages-schemas';
import { messageActions, stateFilters, statesOf } from '../../../src-renderer/screens/messages/state-filter';

describe('the outbox’s state filter and actions', () => {
  it('asks for the states each choice stands for, and every state belongs to exactly one choice', () => {
    expect(statesOf('all')).toBeUndefined();
    expect(statesOf('queued')).toEqual(['queued', 'sending']);
    expect(statesOf('closed')).toEqual(['cancelled', 'expired']);
    const covered = stateFilters.flatMap((filter) => statesOf(filter) ?? []);
    expect([...covered].sort()).toEqual([...messageStates].sort());
  });

  it('offers send now and cancel while queued, retry once it ended badly, nothing in between', () => {
    expect(messageActions('queued')).toEqual(['sendNow', 'cancel']);
    for (const state of ['failed', 'expired', 'cancelled'] as const) expect(messageActions(state)).toEqual(['retry']);
    for (const state of ['sending', 'submitted', 'delivered'] as const) expect(messageActions(state)).toEqual([]);
  });
});
