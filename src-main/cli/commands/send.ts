import { randomUUID } from 'node:crypto';
import { systemClock } from '../../app/clock';
import { EXIT_OK, EXIT_PROBLEM } from '../../app/entry-support';
import { cryptoRandom } from '../../app/random';
import { e164Schema } from '../../contract/schemas';
import {
  channelConfigSchema,
  modemConfigSchema,
  smppConfigSchema,
  smsChannelKinds,
  type ChannelConfig,
} from '../../contract/sms-schemas';
import { createTransport, type TransportSecrets } from '../../sms/transport-factory';
import type { DeliveryReport, OutgoingSms, SendOutcome, TransportEvent } from '../../sms/transport';
import { waitForLink } from '../../sms/wait-for-link';
import type { CliCommand, CliContext } from '../cli-command';

const CONNECT_TIMEOUT_MS = 30_000;

/** The channel to use: the office's configured one, or a one-off built from the options. */
interface Channel {
  describe(): string;
  isUp(): boolean;
  send(sms: OutgoingSms): Promise<SendOutcome>;
  subscribe(listener: (event: TransportEvent) => void): () => void;
  close(): Promise<void>;
}

export const sendCommand: CliCommand = {
  name: 'send',
  usage: [
    'send --to NUMBER --text TEXT [--wait-delivery SECONDS]',
    '     [--transport simulator|modem|smpp]    default: the channel set up in Settings',
    '     modem: --port PATH [--baud N] [--pin PIN]',
    '     smpp:  --host H --port N --system-id ID --password PW [--system-type T] [--source-addr S] [--tls]',
    '     (PIN and password may come from PROMEMORIA_SIM_PIN / PROMEMORIA_SMPP_PASSWORD instead)',
  ],
  usesSmsChannel: true,
  options: {
    to: { type: 'string' },
    text: { type: 'string' },
    'wait-delivery': { type: 'string' },
    transport: { type: 'string' },
    port: { type: 'string' },
    baud: { type: 'string' },
    pin: { type: 'string' },
    host: { type: 'string' },
    'system-id': { type: 'string' },
    password: { type: 'string' },
    'system-type': { type: 'string' },
    'source-addr': { type: 'string' },
    tls: { type: 'boolean' },
  },
  checkUsage(values, args) {
    if (args.length > 0) return `Unexpected argument "${args[0]}".`;
    if (typeof values.to !== 'string') return 'send needs --to NUMBER.';
    if (!e164Schema.safeParse(values.to).success) return `--to ${values.to}: use the international form, e.g. +393331234567.`;
    if (typeof values.text !== 'string' || values.text.trim() === '') return 'send needs --text TEXT.';
    const wait = values['wait-delivery'];
    if (wait !== undefined && !(Number(wait) > 0)) return '--wait-delivery takes a number of seconds.';
    const kind = values.transport;
    if (kind !== undefined && !(smsChannelKinds as readonly unknown[]).includes(kind)) {
      return `--transport must be one of ${smsChannelKinds.join(', ')}.`;
    }
    const parsed = kind === undefined ? undefined : oneOffConfig(values);
    return parsed?.ok === false ? parsed.problem : undefined;
  },
  async run(context) {
    const { values, print } = context;
    const channel = await openChannel(context);
    try {
      if (!channel.isUp()) {
        print(`Not sent: the SMS channel is not connected (${channel.describe()}).`);
        return EXIT_PROBLEM;
      }
      const outcome = await channel.send({
        id: `cli-${randomUUID()}`,
        to: String(values.to),
        text: String(values.text),
        requestDeliveryReport: values['wait-delivery'] !== undefined,
      });
      if (!outcome.ok) {
        print(`Not sent: ${outcome.reason} (${outcome.code}${outcome.retryable ? ', may work if tried again later' : ''}).`);
        return EXIT_PROBLEM;
      }
      outcome.references.forEach((reference, index) =>
        print(`Part ${index + 1}/${outcome.references.length} submitted: reference ${reference}`),
      );
      const wait = values['wait-delivery'];
      if (wait === undefined) return EXIT_OK;
      const reports = await waitForReports(channel, outcome.references, Number(wait) * 1000);
      let delivered = true;
      for (const reference of outcome.references) {
        const report = reports.get(reference);
        print(`Part ${reference}: ${report ? `${report.state} (${report.detail})` : 'no delivery report in time'}`);
        if (report?.state !== 'delivered') delivered = false;
      }
      return delivered ? EXIT_OK : EXIT_PROBLEM;
    } finally {
      await channel.close();
    }
  },
};

async function openChannel({ core, values }: CliContext): Promise<Channel> {
  if (values.transport === undefined) {
    await waitForLink(core.sms, CONNECT_TIMEOUT_MS);
    return {
      describe: () => core.sms.status().detail,
      isUp: () => core.sms.status().state === 'up',
      send: (sms) => core.sms.send(sms),
      subscribe: (listener) => core.sms.subscribe(listener),
      close: async () => undefined, // the core closes it
    };
  }
  const parsed = oneOffConfig(values);
  if (!parsed.ok) throw new Error(parsed.problem); // checkUsage has already refused this
  const transport = createTransport(parsed.config, parsed.secrets, { clock: systemClock, random: cryptoRandom, log: core.log });
  transport.start();
  await waitForLink(transport, CONNECT_TIMEOUT_MS);
  return {
    describe: () => transport.status().detail + (transport.status().lastError ? `: ${transport.status().lastError}` : ''),
    isUp: () => transport.status().state === 'up',
    send: (sms) => transport.send(sms),
    subscribe: (listener) => transport.subscribe(listener),
    close: () => transport.close(),
  };
}

type OneOff = { ok: true; config: ChannelConfig; secrets: TransportSecrets } | { ok: false; problem: string };

/** A channel configuration from the command-line options, checked like the settings screen checks it. */
function oneOffConfig(values: CliContext['values']): OneOff {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const env = process.env;
  const base: ChannelConfig = { kind: 'simulator', simulator: { behaviour: 'deliver' }, modem: null, smpp: null };
  if (values.transport === 'simulator') return { ok: true, config: base, secrets: {} };
  if (values.transport === 'modem') {
    const modem = modemConfigSchema.safeParse({ port: text('port'), baudRate: text('baud') === undefined ? undefined : Number(text('baud')) });
    if (!modem.success) return { ok: false, problem: `modem: ${describeIssue(modem.error)} (--port PATH, --baud N)` };
    const pin = text('pin') ?? env.PROMEMORIA_SIM_PIN;
    if (pin !== undefined && !/^[0-9]{4,8}$/.test(pin)) return { ok: false, problem: 'modem: the SIM PIN must be 4 to 8 digits.' };
    return { ok: true, config: channelConfigSchema.parse({ ...base, kind: 'modem', modem: modem.data }), secrets: pin ? { simPin: pin } : {} };
  }
  const smpp = smppConfigSchema.safeParse({
    host: text('host'),
    port: text('port') === undefined ? undefined : Number(text('port')),
    systemId: text('system-id'),
    systemType: text('system-type'),
    sourceAddr: text('source-addr'),
    tls: values.tls === true,
  });
  if (!smpp.success) return { ok: false, problem: `smpp: ${describeIssue(smpp.error)} (--host H --port N --system-id ID)` };
  const password = text('password') ?? env.PROMEMORIA_SMPP_PASSWORD;
  if (!password) return { ok: false, problem: 'smpp: the password is missing (--password PW or PROMEMORIA_SMPP_PASSWORD).' };
  return { ok: true, config: channelConfigSchema.parse({ ...base, kind: 'smpp', smpp: smpp.data }), secrets: { smppPassword: password } };
}

function describeIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'value'}: ${issue.message}` : 'invalid';
}

function waitForReports(channel: Channel, references: string[], timeoutMs: number): Promise<Map<string, DeliveryReport>> {
  const reports = new Map<string, DeliveryReport>();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve(reports);
    };
    const timer = setTimeout(finish, timeoutMs);
    const unsubscribe = channel.subscribe((event) => {
      if (event.type !== 'delivery' || !references.includes(event.report.reference)) return;
      reports.set(event.report.reference, event.report);
      if (reports.size === references.length) finish();
    });
  });
}
