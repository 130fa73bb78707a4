import { z } from 'zod';
import { textFileSchema } from './clients-schemas';
import { noInput, type MethodMap } from './method-spec';
import { instantSchema, languages } from './schemas';

/**
 * The actions the core writes to the audit log today. The log is plain text and
 * keeps whatever older or newer code wrote, so readers must also cope with an
 * action that is not in this list (the UI shows its code under its group).
 */
export const knownAuditActions = [
  'client.create',
  'client.update',
  'client.archive',
  'client.unarchive',
  'clients.import',
  'clients.exportCsv',
  'clients.exportIcs',
  'appointment.create',
  'appointment.update',
  'appointment.delete',
  'appointments.confirmed',
  'appointments.cancel_requested',
  'staff.create',
  'staff.update',
  'staff.reorder',
  'room.create',
  'room.update',
  'room.reorder',
  'reminders.rules.create',
  'reminders.rules.update',
  'reminders.rules.delete',
  'messages.send_now',
  'messages.retry',
  'messages.cancel',
  'inbox.handled',
  'inbox.reopened',
  'consents.record',
  'consents.withdraw',
  'settings.update',
  'sms.channel.update',
  'store.backup',
  'store.restore',
  'demo.seed',
  'privacy.notice.update',
  'privacy.record.update',
  'privacy.export.client',
  'privacy.export.office',
  'privacy.erase',
  'privacy.hold.set',
  'privacy.hold.clear',
  'privacy.retention.run',
] as const;
export type KnownAuditAction = (typeof knownAuditActions)[number];

/** The first word of an action ("consents.grant" → consents), for labelling actions this version does not know. */
export const auditActionGroups = ['client', 'appointment', 'staff', 'reminders', 'messages', 'consents', 'privacy', 'settings', 'store', 'other'] as const;
export type AuditActionGroup = (typeof auditActionGroups)[number];

export function auditActionGroup(action: string): AuditActionGroup {
  const head = action.split('.')[0] ?? '';
  switch (head) {
    case 'client':
    case 'clients':
      return 'client';
    case 'appointment':
    case 'appointments':
      return 'appointment';
    case 'staff':
    case 'room':
      return 'staff';
    case 'reminders':
      return 'reminders';
    case 'messages':
    case 'inbox':
      return 'messages';
    case 'consent':
    case 'consents':
      return 'consents';
    case 'privacy':
    case 'erasure':
    case 'retention':
      return 'privacy';
    case 'settings':
    case 'sms':
      return 'settings';
    case 'store':
    case 'backup':
    case 'restore':
      return 'store';
    default:
      return 'other';
  }
}

/** Who wrote an entry: the office's staff through the app, the app on its own, or a client by SMS reply. */
export const knownAuditActors = ['office', 'system', 'client by SMS'] as const;

/** Which entries to read; every filter left out matches everything. */
export const auditFiltersSchema = z
  .object({
    /** From this instant on (inclusive). */
    from: instantSchema.optional(),
    /** Before this instant (exclusive). */
    to: instantSchema.optional(),
    action: z.string().min(1).max(100).optional(),
    entity: z.string().min(1).max(50).optional(),
    entityId: z.number().int().optional(),
    /**
     * Everything about one client: entries on the client itself and on their
     * appointments, messages and replies (still linked to them).
     */
    clientId: z.number().int().positive().optional(),
    actor: z.string().min(1).max(100).optional(),
  })
  .strict();
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: instantSchema,
  actor: z.string(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.number().int().nullable(),
  /** Ids and counts, as written; never names. */
  detail: z.string().nullable(),
  /**
   * The client the entry is about (itself, or through its appointment, message or
   * reply), looked up now: the log stores ids only. `name` is null once erased.
   */
  client: z.object({ id: z.number().int(), name: z.string().nullable(), erased: z.boolean() }).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * The audit log, read only: nothing here writes to it, and the store refuses
 * UPDATE and DELETE on it (only the retention job may remove old entries).
 */
export const auditMethods = {
  /** Newest first. */
  'audit.list': {
    input: auditFiltersSchema
      .extend({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    output: z.object({ total: z.number().int(), items: z.array(auditEntrySchema) }),
  },
  /** The distinct actions and actors in the log, for the filters. */
  'audit.actions': {
    input: noInput,
    output: z.object({ actions: z.array(z.string()), actors: z.array(z.string()) }),
  },
  /**
   * The entries the filters match, newest first, as CSV for Excel (UTF-8 with BOM,
   * ";" between fields), times in the office's time zone; headers and action names
   * in `language` (the office's language when left out).
   */
  'audit.exportCsv': {
    input: z.object({ filters: auditFiltersSchema.default({}), language: z.enum(languages).optional() }).strict(),
    output: textFileSchema.extend({ rows: z.number().int() }),
  },
} as const satisfies MethodMap;
