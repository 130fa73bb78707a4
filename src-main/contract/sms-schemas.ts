import { z } from 'zod';

export const baudRates = [9600, 19200, 38400, 57600, 115200, 230400, 460800] as const;

export const modemConfigSchema = z.object({
  /** "/dev/ttyUSB2", "COM4". */
  port: z.string().trim().min(1).max(200),
  baudRate: z
    .number()
    .int()
    .refine((rate) => (baudRates as readonly number[]).includes(rate), 'not a standard serial speed')
    .default(115200),
});
export type ModemConfig = z.infer<typeof modemConfigSchema>;

export const smppConfigSchema = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535).default(2775),
  systemId: z.string().trim().min(1).max(15),
  systemType: z.string().trim().max(12).default(''),
  /** The sender shown on phones: a number, or a name of up to 11 letters and digits; empty lets the SMSC choose. */
  sourceAddr: z
    .string()
    .trim()
    .regex(/^(\+?[0-9]{3,15}|[A-Za-z0-9 .-]{1,11})?$/, 'a phone number, or a name of up to 11 letters and digits')
    .default(''),
  tls: z.boolean().default(false),
  windowSize: z.number().int().min(1).max(100).default(10),
  maxMessagesPerSecond: z.number().int().min(1).max(1000).default(30),
});
export type SmppConfig = z.infer<typeof smppConfigSchema>;

export const simulatorBehaviours = ['deliver', 'undeliverable', 'reject', 'link-down'] as const;
export const simulatorConfigSchema = z.object({
  /** Lets a new office try failures too: undeliverable, rejected, or the link down. */
  behaviour: z.enum(simulatorBehaviours).default('deliver'),
});
export type SimulatorConfig = z.infer<typeof simulatorConfigSchema>;

export const smsChannelKinds = ['simulator', 'modem', 'smpp'] as const;
export type SmsChannelKind = (typeof smsChannelKinds)[number];

/** The chosen channel and the last settings of each kind (kept when switching back and forth). */
export const channelConfigSchema = z.object({
  kind: z.enum(smsChannelKinds),
  simulator: simulatorConfigSchema,
  modem: modemConfigSchema.nullable(),
  smpp: smppConfigSchema.nullable(),
});
export type ChannelConfig = z.infer<typeof channelConfigSchema>;

export const secretStorages = ['os-keychain', 'file', 'memory'] as const;
/**
 * file-readable-by-user: a file any program running as this OS user can read (web mode, CLI);
 * os-plain-text-only: the desktop app found no real key store (Linux without a keyring), so the same file;
 * memory-only: kept until Promemoria closes.
 */
export const secretStorageWarnings = ['file-readable-by-user', 'os-plain-text-only', 'memory-only'] as const;

/** Whether each secret is set; the values themselves never leave the core. */
export const channelSecretsStateSchema = z.object({
  smppPasswordSet: z.boolean(),
  simPinSet: z.boolean(),
  /** False where secrets live only until Promemoria closes. */
  persistent: z.boolean(),
  /** Where the secrets are kept: encrypted by the OS key store, a file this OS user can read, or memory. */
  storage: z.enum(secretStorages),
  /** Null under the OS key store; otherwise why the settings warn (the UI words it). */
  warning: z.enum(secretStorageWarnings).nullable(),
});

export const channelSettingsSchema = z.object({
  config: channelConfigSchema,
  secrets: channelSecretsStateSchema,
});
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

export const linkStates = ['connecting', 'up', 'down', 'closed'] as const;
