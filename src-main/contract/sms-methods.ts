import { z } from 'zod';
import { noInput, type MethodMap } from './method-spec';
import { e164Schema, smsChannelSchema } from './schemas';
import { channelConfigSchema, channelSettingsSchema } from './sms-schemas';

/** The SMS channel: its settings, status, a test send, and the serial ports to choose from. */
const channelUpdateInput = z
  .object({
    config: channelConfigSchema,
    /** Write-only: a new value replaces the stored one, null removes it, absent keeps it. */
    smppPassword: z.string().min(1).max(64).nullable().optional(),
    simPin: z
      .string()
      .regex(/^[0-9]{4,8}$/, 'a SIM PIN is 4 to 8 digits')
      .nullable()
      .optional(),
  })
  .strict();

export const smsMethods = {
  'sms.channel.get': {
    input: noInput,
    output: channelSettingsSchema,
  },
  'sms.channel.update': {
    input: channelUpdateInput,
    output: channelSettingsSchema,
  },
  /** Tries the settings as typed, without saving them. */
  'sms.channel.test': {
    input: channelUpdateInput,
    output: z.object({
      status: smsChannelSchema,
      facts: z.array(z.object({ label: z.string(), value: z.string() })),
    }),
  },
  'sms.channel.status': {
    input: noInput,
    output: smsChannelSchema,
  },
  'sms.ports.list': {
    input: noInput,
    output: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        ports: z.array(z.object({ path: z.string(), manufacturer: z.string().optional(), usbId: z.string().optional() })),
      }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ]),
  },
  /** On the simulator only: a reply from a client's phone, to try confirmations and STOP with no network. */
  'sms.simulator.reply': {
    input: z.object({ from: e164Schema, text: z.string().trim().min(1).max(640) }).strict(),
    output: z.object({}),
  },
  'sms.test.send': {
    input: z.object({ to: e164Schema, text: z.string().trim().min(1).max(640) }).strict(),
    output: z.object({ references: z.array(z.string()) }),
  },
} as const satisfies MethodMap;
