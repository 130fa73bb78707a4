import { z } from 'zod';
import { noInput, type MethodMap } from './method-spec';
import {
  dispatchStatusSchema,
  inboundRowSchema,
  messageEventSchema,
  messageListInputSchema,
  messageRowSchema,
  messageTotalsSchema,
} from './messages-schemas';

const messageId = z.object({ id: z.number().int().positive() }).strict();

/** The outbox and its history, the dispatcher's controls, and the inbox of replies. */
export const messagesMethods = {
  'messages.list': {
    input: messageListInputSchema,
    output: z.object({ items: z.array(messageRowSchema), total: z.number().int() }),
  },
  /** One message with every state change it went through. */
  'messages.timeline': {
    input: messageId,
    output: z.object({ message: messageRowSchema, events: z.array(messageEventSchema) }),
  },
  'messages.totals': {
    input: noInput,
    output: messageTotalsSchema,
  },
  /** A queued message goes at once (quiet hours do not hold a message sent by hand). */
  'messages.sendNow': { input: messageId, output: messageRowSchema },
  /** A failed or expired message is queued again. */
  'messages.retry': { input: messageId, output: messageRowSchema },
  /** A queued message is not sent. */
  'messages.cancel': { input: messageId, output: messageRowSchema },

  'dispatch.status': { input: noInput, output: dispatchStatusSchema },
  /** Pausing keeps every message queued until resumed; it survives a restart. */
  'dispatch.pause': { input: noInput, output: dispatchStatusSchema },
  'dispatch.resume': { input: noInput, output: dispatchStatusSchema },

  'inbox.list': {
    input: z
      .object({
        unhandledOnly: z.boolean().default(false),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ items: z.array(inboundRowSchema), total: z.number().int() }),
  },
  'inbox.markHandled': {
    input: z.object({ id: z.number().int().positive(), handled: z.boolean().default(true) }).strict(),
    output: inboundRowSchema,
  },
} as const satisfies MethodMap;
