import { z } from 'zod';
import { appointmentsChangedSchema } from './calendar-schemas';
import { importProgressSchema } from './clients-import-schemas';
import { dispatchStatusSchema, inboxChangedSchema, messagesChangedSchema } from './messages-schemas';
import { settingsSchema, smsChannelSchema } from './schemas';

/** Every event the core pushes to the UI, declared once with its payload. */
export const events = {
  'settings.changed': settingsSchema,
  /** The SMS channel connected, dropped, changed signal… */
  'sms.status': smsChannelSchema,
  /** Appointments were created, changed or deleted: calendars showing them reload. */
  'appointments.changed': appointmentsChangedSchema,
  /** Clients were created or changed (name, mobile, language, opt-out…). */
  'clients.changed': messagesChangedSchema,
  /** How far a CSV import of clients has got (clients.import.run with an importId). */
  'clients.import.progress': importProgressSchema,
  /** Messages changed state (queued, sent, delivered…): outbox lists and timelines reload. */
  'messages.changed': messagesChangedSchema,
  /** Sending paused or resumed, the queue grew or shrank, the next send time moved. */
  'dispatch.status': dispatchStatusSchema,
  /** How far a privacy export (one client's data, or the whole office) has got. */
  'privacy.export.progress': z.object({ exportId: z.string(), done: z.number().int(), total: z.number().int() }),
  /** A reply arrived or was marked handled. */
  'inbox.changed': inboxChangedSchema,
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** One pushed event as it travels over IPC or the WebSocket. */
export type EventEnvelope = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];
