import { ApiError } from '../contract/errors';
import type { messagesMethods } from '../contract/messages-methods';
import type { HandlersOf } from '../contract/method-spec';
import { InboxRepository, type InboundRow as StoredReply } from '../db/repositories/inbox-repository';
import { formatPhone } from '../domain/clients/phone-number';
import type { InboundRow } from '../contract/messages-schemas';
import { appendAudit } from '../db/repositories/audit-log';
import { API_ACTOR, type HandlerDeps } from './handler-deps';

export function createMessagesHandlers({ db, clock, events, reminders }: HandlerDeps): HandlersOf<typeof messagesMethods> {
  const { messages } = reminders;
  return {
    'messages.list': ({ offset, limit, ...filter }) => messages.list(filter, offset, limit),
    'messages.timeline': ({ id }) => messages.timeline(id),
    'messages.totals': () => messages.totals(),
    'messages.sendNow': ({ id }) => messages.sendNow(id),
    'messages.retry': ({ id }) => messages.retry(id),
    'messages.cancel': ({ id }) => messages.cancel(id),

    'dispatch.status': () => reminders.status(),
    'dispatch.pause': () => reminders.setPaused(true),
    'dispatch.resume': () => reminders.setPaused(false),

    'inbox.list': async ({ unhandledOnly, offset, limit }) => {
      const { items, total } = await new InboxRepository(db).list(unhandledOnly, offset, limit);
      return { items: items.map(forDisplay), total };
    },
    'inbox.markHandled': async ({ id, handled }) => {
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const inbox = new InboxRepository(tx);
        if (!(await inbox.setHandled(id, handled ? now : null))) throw new ApiError('NOT_FOUND', `No reply ${String(id)}`);
        await appendAudit(tx, now, { actor: API_ACTOR, action: handled ? 'inbox.handled' : 'inbox.reopened', entity: 'inbound_message', entityId: id });
        return inbox.get(id);
      });
      if (!row) throw new ApiError('NOT_FOUND', `No reply ${String(id)}`);
      events.emit('inbox.changed', { id });
      return forDisplay(row);
    },
  };
}

/** Numbers from the network may be national or short codes: formatPhone shows what it cannot read as it came. */
function forDisplay(reply: StoredReply): InboundRow {
  return { ...reply, fromPhoneDisplay: formatPhone(reply.fromPhone) };
}
