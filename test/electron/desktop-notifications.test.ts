import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src-main/app/create-core';
import { EventHub } from '../../src-main/app/event-hub';
import { silentLogger } from '../../src-main/app/logger';

// A fake Notification: records what would pop up, and lets the test click it.
const fake = vi.hoisted(() => ({ shown: [] as Array<{ title: string; body: string; click: () => void }> }));
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => true;
    private onClick: () => void = () => {};
    constructor(private readonly options: { title: string; body: string }) {}
    on(_event: 'click', listener: () => void) {
      this.onClick = listener;
    }
    show() {
      fake.shown.push({ ...this.options, click: () => this.onClick() });
    }
  },
}));

const { startDesktopNotifications } = await import('../../src-main/electron/desktop-notifications');

afterEach(() => {
  vi.useRealTimers();
  fake.shown.length = 0;
});

function fakeCore() {
  const events = new EventHub();
  const replies = [{ id: 3, clientName: 'Rossi Mario', handledAt: null, interpretation: 'cancel' as const, body: 'non posso venire' }];
  const states = new Map<number, string>([
    [10, 'delivered'],
    [11, 'failed'],
  ]);
  const api = {
    'inbox.list': async () => ({ items: replies, total: replies.length }),
    'messages.timeline': async ({ id }: { id: number }) => ({ message: { id, clientName: 'Bianchi Anna', state: states.get(id) }, events: [] }),
  };
  return { events, core: { events, api, log: silentLogger } as unknown as Pick<Core, 'api' | 'events' | 'log'> };
}

describe('desktop notifications (with a fake electron module)', () => {
  it('pops up for a reply that needs staff and for a failed message, never with the reply text; a click opens Messages', async () => {
    vi.useFakeTimers();
    const { events, core } = fakeCore();
    const opened: string[] = [];
    const stop = startDesktopNotifications({ core, language: () => 'en', open: (notice) => opened.push(notice.opens) });
    events.emit('inbox.changed', { id: 3 });
    events.emit('messages.changed', { ids: [10, 11] });
    await vi.advanceTimersByTimeAsync(2_500);
    expect(fake.shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Reply to handle', body: 'Rossi Mario asks to cancel their appointment.' },
      { title: 'SMS not sent', body: 'The message to Bianchi Anna could not be sent: open Messages for the reason.' },
    ]);
    expect(JSON.stringify(fake.shown)).not.toContain('non posso venire');
    fake.shown[0]!.click();
    expect(opened).toEqual(['inbox']);

    // The same events again: nothing new to say.
    events.emit('inbox.changed', { id: 3 });
    events.emit('messages.changed', { ids: [11] });
    await vi.advanceTimersByTimeAsync(2_500);
    expect(fake.shown).toHaveLength(2);

    stop();
    events.emit('inbox.changed', { id: 4 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fake.shown).toHaveLength(2);
  });
});
