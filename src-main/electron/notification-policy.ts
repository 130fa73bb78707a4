import type { InboundRow, MessageRow } from '../contract/messages-schemas';
import type { TrayLanguage } from './tray-model';

/**
 * Which events make a desktop notification, and what it says: no Electron here, so
 * it is unit-tested under Node. Notifications show on a screen a patient or client
 * at the desk may see: they name the client at most, never the phone number, the
 * reply's text or the message's text.
 */
export interface Notice {
  /** What a click opens in the window. */
  opens: 'inbox' | 'outbox';
  title: string;
  body: string;
}

export interface NotificationPolicyOptions {
  language: () => TrayLanguage;
  now: () => number;
  /** At most one notification per kind in this interval; what falls inside is summed up in the next. */
  minIntervalMs?: number;
}

const TEXT = {
  it: {
    replyTitle: 'Risposta da gestire',
    reply: (name: string | null, interpretation: InboundRow['interpretation']) =>
      interpretation === 'cancel'
        ? `${name ?? 'Un numero sconosciuto'} chiede di annullare l’appuntamento.`
        : `${name ?? 'Un numero sconosciuto'} ha risposto: apri Messaggi → Risposte.`,
    replies: (count: number) => `${count} risposte aspettano in Messaggi → Risposte.`,
    failedTitle: 'SMS non inviato',
    failed: (name: string | null) => `Il messaggio${name ? ` per ${name}` : ''} non è partito: apri Messaggi per il motivo.`,
    failures: (count: number) => `${count} messaggi non sono partiti: apri Messaggi per i motivi.`,
  },
  en: {
    replyTitle: 'Reply to handle',
    reply: (name: string | null, interpretation: InboundRow['interpretation']) =>
      interpretation === 'cancel'
        ? `${name ?? 'An unknown number'} asks to cancel their appointment.`
        : `${name ?? 'An unknown number'} replied: open Messages → Replies.`,
    replies: (count: number) => `${count} replies are waiting in Messages → Replies.`,
    failedTitle: 'SMS not sent',
    failed: (name: string | null) => `The message${name ? ` to ${name}` : ''} could not be sent: open Messages for the reason.`,
    failures: (count: number) => `${count} messages could not be sent: open Messages for the reasons.`,
  },
} as const;

/** Replies the core could not settle itself: a cancellation request or free text. */
export function replyNeedsStaff(reply: Pick<InboundRow, 'handledAt' | 'interpretation'>): boolean {
  return reply.handledAt === null && (reply.interpretation === 'cancel' || reply.interpretation === 'other');
}

type Kind = 'reply' | 'failure';

/**
 * Decides, event by event, whether to notify. Each reply or message notifies once;
 * a burst (a whole morning's replies arriving when the modem reconnects, a channel
 * failing fifty messages) gives one notification, then one summary after the
 * interval rather than fifty pop-ups.
 */
export class NotificationPolicy {
  private readonly seen: Record<Kind, Set<number>> = { reply: new Set(), failure: new Set() };
  private readonly lastShownAt: Partial<Record<Kind, number>> = {};
  private readonly held: Record<Kind, number> = { reply: 0, failure: 0 };
  private readonly minIntervalMs: number;

  constructor(private readonly options: NotificationPolicyOptions) {
    this.minIntervalMs = options.minIntervalMs ?? 60_000;
  }

  /** For each `inbox.changed`, with the reply as the core now has it. */
  onReply(reply: Pick<InboundRow, 'id' | 'clientName' | 'handledAt' | 'interpretation'>): Notice | null {
    if (!replyNeedsStaff(reply) || !this.firstTime('reply', reply.id)) return null;
    const text = TEXT[this.options.language()];
    return this.rateLimited('reply', () => ({ opens: 'inbox', title: text.replyTitle, body: text.reply(reply.clientName, reply.interpretation) }), (count) => ({
      opens: 'inbox',
      title: text.replyTitle,
      body: text.replies(count),
    }));
  }

  /** For each message named by `messages.changed`, with its state as the core now has it. */
  onMessage(message: Pick<MessageRow, 'id' | 'clientName' | 'state'>): Notice | null {
    if (message.state !== 'failed') {
      // A retried message may fail again later: that is news again.
      this.seen.failure.delete(message.id);
      return null;
    }
    if (!this.firstTime('failure', message.id)) return null;
    const text = TEXT[this.options.language()];
    return this.rateLimited('failure', () => ({ opens: 'outbox', title: text.failedTitle, body: text.failed(message.clientName) }), (count) => ({
      opens: 'outbox',
      title: text.failedTitle,
      body: text.failures(count),
    }));
  }

  /**
   * The summary of what was held back, once the interval has passed (call it from a
   * timer, e.g. every interval); null when nothing was held or it is too early.
   */
  flush(): Notice[] {
    const notices: Notice[] = [];
    const text = TEXT[this.options.language()];
    for (const kind of ['reply', 'failure'] as const) {
      if (this.held[kind] === 0 || !this.intervalPassed(kind)) continue;
      const count = this.held[kind];
      this.held[kind] = 0;
      this.lastShownAt[kind] = this.options.now();
      notices.push(
        kind === 'reply'
          ? { opens: 'inbox', title: text.replyTitle, body: text.replies(count) }
          : { opens: 'outbox', title: text.failedTitle, body: text.failures(count) },
      );
    }
    return notices;
  }

  private firstTime(kind: Kind, id: number): boolean {
    const seen = this.seen[kind];
    if (seen.has(id)) return false;
    seen.add(id);
    // Bounded memory over months of running: forget the oldest ids.
    if (seen.size > 10_000) seen.delete(seen.values().next().value as number);
    return true;
  }

  private rateLimited(kind: Kind, single: () => Notice, summary: (count: number) => Notice): Notice | null {
    if (!this.intervalPassed(kind)) {
      this.held[kind] += 1;
      return null;
    }
    this.lastShownAt[kind] = this.options.now();
    const count = this.held[kind] + 1;
    this.held[kind] = 0;
    return count === 1 ? single() : summary(count);
  }

  private intervalPassed(kind: Kind): boolean {
    const last = this.lastShownAt[kind];
    return last === undefined || this.options.now() - last >= this.minIntervalMs;
  }
}
