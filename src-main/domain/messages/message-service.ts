import type { Clock } from '../../app/clock';
import { messageReasons } from '../../contract/message-reasons';
import { ApiError } from '../../contract/errors';
import type { MessageEvent, MessageRow, MessageState } from '../../contract/messages-schemas';
import type { MessageRow as StoredMessage } from '../../db/repositories/messages-repository';
import { formatPhone } from '../clients/phone-number';
import { appendAudit } from '../../db/repositories/audit-log';
import { InboxRepository } from '../../db/repositories/inbox-repository';
import { MessagesRepository, type MessageFilter } from '../../db/repositories/messages-repository';
import type { Database } from '../../db/database';
import { addDays, instantOfWallTime, wallTimeAt } from '../calendar/civil-date';

export interface MessageServiceDeps {
  db: Database;
  clock: Clock;
  timeZone: () => Promise<string>;
  actor: string;
  onChanged: (ids: number[]) => void;
  /** A message became due now: the dispatcher looks at once. */
  wakeDispatcher: () => void;
}

/** Reading the outbox, and what staff may do to one message by hand. */
export class MessageService {
  constructor(private readonly deps: MessageServiceDeps) {}

  async list(filter: MessageFilter, offset: number, limit: number): Promise<{ items: MessageRow[]; total: number }> {
    const { items, total } = await new MessagesRepository(this.deps.db).list(filter, offset, limit);
    return { items: items.map(forDisplay), total };
  }

  async timeline(id: number): Promise<{ message: MessageRow; events: MessageEvent[] }> {
    const repository = new MessagesRepository(this.deps.db);
    const message = await repository.get(id);
    if (!message) throw new ApiError('NOT_FOUND', `No message ${String(id)}`);
    return { message: forDisplay(message), events: await repository.events(id) };
  }

  /** Today in the office's calendar, by state, and the replies waiting for staff. */
  async totals(): Promise<Record<MessageState, number> & { repliesToHandle: number }> {
    const timeZone = await this.deps.timeZone();
    const today = wallTimeAt(this.deps.clock.now(), timeZone).date;
    const from = instantOfWallTime({ date: today, minuteOfDay: 0 }, timeZone);
    const to = instantOfWallTime({ date: addDays(today, 1), minuteOfDay: 0 }, timeZone);
    const counts = await new MessagesRepository(this.deps.db).countsByState(from, to);
    return {
      queued: counts.queued ?? 0,
      sending: counts.sending ?? 0,
      submitted: counts.submitted ?? 0,
      delivered: counts.delivered ?? 0,
      failed: counts.failed ?? 0,
      expired: counts.expired ?? 0,
      cancelled: counts.cancelled ?? 0,
      repliesToHandle: await new InboxRepository(this.deps.db).unhandledCount(),
    };
  }

  /** Goes at once, in quiet hours too: staff decided. Consent is still checked when it is claimed. */
  sendNow(id: number): Promise<MessageRow> {
    return this.act(id, 'messages.send_now', ['queued'], 'queued', messageReasons.sendNowByHand, { nextAttemptAt: this.deps.clock.now(), forced: true });
  }

  /** A failed, expired or cancelled message goes again, at once; staff asked for it, so the planner may handle it again. */
  retry(id: number): Promise<MessageRow> {
    return this.act(id, 'messages.retry', ['failed', 'expired', 'cancelled'], 'queued', messageReasons.retryByHand, {
      nextAttemptAt: this.deps.clock.now(),
      forced: true,
      heldByStaff: false,
      error: null,
    });
  }

  /** Not sent, and not planned again on its own. */
  cancel(id: number): Promise<MessageRow> {
    return this.act(id, 'messages.cancel', ['queued'], 'cancelled', messageReasons.cancelledByHand, { heldByStaff: true, error: messageReasons.cancelledByHand });
  }

  private async act(
    id: number,
    action: string,
    from: readonly MessageState[],
    to: MessageState,
    detail: string,
    changes: Parameters<MessagesRepository['transition']>[5],
  ): Promise<MessageRow> {
    const now = this.deps.clock.now();
    const row = await this.deps.db.transaction(async (tx) => {
      const repository = new MessagesRepository(tx);
      const current = await repository.get(id);
      if (!current) throw new ApiError('NOT_FOUND', `No message ${String(id)}`);
      if (!(await repository.transition(id, from, to, detail, now, changes))) {
        throw new ApiError('CONFLICT', `The message is ${current.state} now; this needs it ${from.join(' or ')}`);
      }
      await appendAudit(tx, now, { actor: this.deps.actor, action, entity: 'message', entityId: id });
      return forDisplay((await repository.get(id)) as StoredMessage);
    });
    this.deps.onChanged([id]);
    if (to === 'queued') this.deps.wakeDispatcher();
    return row;
  }
}

function forDisplay(message: StoredMessage): MessageRow {
  return { ...message, toPhoneDisplay: formatPhone(message.toPhone) };
}
