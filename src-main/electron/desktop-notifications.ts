import { Notification } from 'electron';
import type { Core } from '../app/create-core';
import { NotificationPolicy, type Notice } from './notification-policy';
import type { TrayLanguage } from './tray-model';

/** Ids looked up per batch: a dispatch pass can change hundreds of messages at once. */
const LOOKUPS_PER_BATCH = 50;
const BATCH_DELAY_MS = 2_000;
const MIN_INTERVAL_MS = 60_000;

export interface DesktopNotificationOptions {
  core: Pick<Core, 'api' | 'events' | 'log'>;
  language: () => TrayLanguage;
  /** A click on a notification: open the window on Messages. */
  open: (notice: Notice) => void;
}

/**
 * Desktop notifications for replies that need staff and for messages that failed,
 * as `NotificationPolicy` decides. Returns the disposer.
 */
export function startDesktopNotifications(options: DesktopNotificationOptions): () => void {
  if (!Notification.isSupported()) return () => {};
  const { core } = options;
  const policy = new NotificationPolicy({ language: options.language, now: Date.now, minIntervalMs: MIN_INTERVAL_MS });
  const replyIds = new Set<number>();
  const messageIds = new Set<number>();
  let batch: NodeJS.Timeout | undefined;
  let disposed = false;

  const show = (notice: Notice | null): void => {
    if (!notice || disposed) return;
    const notification = new Notification({ title: notice.title, body: notice.body, silent: false });
    notification.on('click', () => options.open(notice));
    notification.show();
  };

  const lookUp = async (): Promise<void> => {
    batch = undefined;
    const replies = [...replyIds].slice(0, LOOKUPS_PER_BATCH);
    const messages = [...messageIds].slice(0, LOOKUPS_PER_BATCH);
    for (const id of replies) replyIds.delete(id);
    for (const id of messages) messageIds.delete(id);
    // What did not fit in this batch goes in the next one.
    if (replyIds.size > 0 || messageIds.size > 0) schedule();
    if (replies.length > 0) {
      const { items } = await core.api['inbox.list']({ unhandledOnly: true, offset: 0, limit: 500 });
      for (const reply of items) if (replies.includes(reply.id)) show(policy.onReply(reply));
    }
    for (const id of messages) {
      const { message } = await core.api['messages.timeline']({ id });
      show(policy.onMessage(message));
    }
  };

  const schedule = (): void => {
    if (batch || disposed) return;
    batch = setTimeout(() => {
      lookUp().catch((err: unknown) => core.log.warn(`notifications: lookup failed (${err instanceof Error ? err.message : String(err)})`));
    }, BATCH_DELAY_MS);
  };

  const unsubscribe = core.events.subscribe((envelope) => {
    if (envelope.event === 'inbox.changed') {
      replyIds.add(envelope.payload.id);
      schedule();
    } else if (envelope.event === 'messages.changed') {
      for (const id of envelope.payload.ids) messageIds.add(id);
      schedule();
    }
  });
  const summaries = setInterval(() => policy.flush().forEach(show), MIN_INTERVAL_MS);
  summaries.unref();

  return () => {
    disposed = true;
    unsubscribe();
    clearInterval(summaries);
    if (batch) clearTimeout(batch);
  };
}
