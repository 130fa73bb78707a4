import { z } from 'zod';
import { appointmentStatuses, instantSchema, smsChannelSchema } from './schemas';

/** DESIGN.md section 3: queued → sending → submitted → delivered, or failed, expired, cancelled. */
export const messageStates = ['queued', 'sending', 'submitted', 'delivered', 'failed', 'expired', 'cancelled'] as const;
export type MessageState = (typeof messageStates)[number];
export const messageKinds = ['reminder', 'reply_ack', 'manual'] as const;

export const messageRowSchema = z.object({
  id: z.number().int(),
  kind: z.enum(messageKinds),
  clientId: z.number().int().nullable(),
  /** "Rossi Mario"; null when the message has no client (or the client was erased). */
  clientName: z.string().nullable(),
  toPhone: z.string(),
  /** "+39 333 123 4567", grouped for reading by the core. */
  toPhoneDisplay: z.string(),
  body: z.string(),
  encoding: z.enum(['gsm7', 'ucs2']),
  segments: z.number().int(),
  state: z.enum(messageStates),
  attempts: z.number().int(),
  /** When it was planned to go (after quiet hours were applied). */
  dueAt: instantSchema,
  /** The next try for a queued message. */
  nextAttemptAt: instantSchema,
  /** Why it failed, was cancelled, expired or skipped, or why the last try did not work. */
  error: z.string().nullable(),
  /** It was being sent when Promemoria stopped: the client may get it twice. */
  outcomeUncertain: z.boolean(),
  appointmentId: z.number().int().nullable(),
  appointmentStart: instantSchema.nullable(),
  ruleName: z.string().nullable(),
  submittedAt: instantSchema.nullable(),
  deliveredAt: instantSchema.nullable(),
  updatedAt: instantSchema,
});
export type MessageRow = z.infer<typeof messageRowSchema>;

export const messageListInputSchema = z
  .object({
    states: z.array(z.enum(messageStates)).max(messageStates.length).optional(),
    clientId: z.number().int().positive().optional(),
    /** Messages due in [from, to): the UI passes the office's day boundaries. */
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const messageEventSchema = z.object({
  at: instantSchema,
  fromState: z.enum(messageStates).nullable(),
  toState: z.enum(messageStates),
  detail: z.string().nullable(),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

/** Counts for the office's current day, by state, of messages due today. */
export const messageTotalsSchema = z.object({
  queued: z.number().int(),
  sending: z.number().int(),
  submitted: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  expired: z.number().int(),
  cancelled: z.number().int(),
  repliesToHandle: z.number().int(),
});

/** What the always-visible status line says about sending. */
export const dispatchStatusSchema = z.object({
  paused: z.boolean(),
  channel: smsChannelSchema,
  /** Messages waiting to go, due now or later. */
  queued: z.number().int(),
  /** When the next queued message is due; null when none is. */
  nextSendAt: instantSchema.nullable(),
  /** Quiet hours in force now: reminders wait until this time. */
  quietUntil: instantSchema.nullable(),
  /** Handed to the channel and not yet answered. */
  inFlight: z.number().int(),
  /** Another Promemoria on this computer sends from this data folder ("process 1234 on studio-pc"); this one does not. */
  sendingElsewhere: z.string().nullable(),
});
export type DispatchStatus = z.infer<typeof dispatchStatusSchema>;

export const replyInterpretations = ['confirm', 'cancel', 'opt_out', 'other'] as const;

export const inboundRowSchema = z.object({
  id: z.number().int(),
  fromPhone: z.string(),
  /** Grouped for reading when it is a number the core knows how to read; else as received. */
  fromPhoneDisplay: z.string(),
  body: z.string(),
  receivedAt: instantSchema,
  clientId: z.number().int().nullable(),
  clientName: z.string().nullable(),
  appointmentId: z.number().int().nullable(),
  appointmentStart: instantSchema.nullable(),
  appointmentStatus: z.enum(appointmentStatuses).nullable(),
  interpretation: z.enum(replyInterpretations),
  handledAt: instantSchema.nullable(),
});
export type InboundRow = z.infer<typeof inboundRowSchema>;

/** Which messages changed state; screens showing them reload. */
export const messagesChangedSchema = z.object({ ids: z.array(z.number().int()) });
export const inboxChangedSchema = z.object({ id: z.number().int() });
