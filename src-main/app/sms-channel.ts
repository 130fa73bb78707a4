import { ListenerSet } from './listener-set';
import { channelConfigSchema, type ChannelConfig, type ChannelSettings } from '../contract/sms-schemas';
import type { SmsChannelStatus } from '../contract/schemas';
import type { SettingsRepository } from '../db/repositories/settings-repository';
import { ChannelNotConfiguredError, createTransport, type TransportDeps, type TransportSecrets } from '../sms/transport-factory';
import { SimulatorTransport } from '../sms/simulator/simulator-transport';
import { waitForLink } from '../sms/wait-for-link';
import type { LinkStatus, OutgoingSms, SendOutcome, SmsTransport, TransportEvent } from '../sms/transport';
import { Mutex } from '../db/mutex';
import type { EventHub } from './event-hub';
import type { SecretStore } from './secret-store';

const CONFIG_KEY = 'sms.channel';

/** A new office starts on the simulator. */
export const DEFAULT_CHANNEL_CONFIG: ChannelConfig = {
  kind: 'simulator',
  simulator: { behaviour: 'deliver' },
  modem: null,
  smpp: null,
};

export interface ChannelUpdate {
  config: ChannelConfig;
  /** A new value replaces the stored secret, null removes it, absent keeps it. */
  smppPassword?: string | null;
  simPin?: string | null;
}

export interface ChannelTestResult {
  status: SmsChannelStatus;
  facts: { label: string; value: string }[];
}

export interface SmsChannelDeps extends TransportDeps {
  events: EventHub;
  settings: SettingsRepository;
  secrets: SecretStore;
}

/**
 * The office's one SMS channel: builds the configured transport, rebuilds it when
 * the settings change, and relays its events to whoever listens (the dispatcher,
 * the UI) across those rebuilds. It is the dispatcher's DispatchChannel.
 */
export class SmsChannel {
  private transport: SmsTransport | undefined;
  private stopRelay: (() => void) | undefined;
  /** Why there is no transport (e.g. the SMPP password is not set). */
  private problem: string | undefined;
  private config: ChannelConfig = DEFAULT_CHANNEL_CONFIG;
  private readonly listeners: ListenerSet<TransportEvent>;
  /** Rebuilds and the final close run one at a time, so no transport is ever left running unowned. */
  private readonly lifecycle = new Mutex();
  private closed = false;

  private constructor(private readonly deps: SmsChannelDeps) {
    this.listeners = new ListenerSet((error) => deps.log.error('SMS channel: an event listener failed', error));
  }

  /** Reads the configured channel; `start: false` (CLI commands that send nothing) leaves the link alone. */
  static async open(deps: SmsChannelDeps, start = true): Promise<SmsChannel> {
    const channel = new SmsChannel(deps);
    const stored = channelConfigSchema.safeParse(await deps.settings.read(CONFIG_KEY));
    const config = stored.success ? stored.data : DEFAULT_CHANNEL_CONFIG;
    if (start) await channel.use(config);
    else {
      channel.config = config;
      channel.problem = 'Not started by this command';
    }
    return channel;
  }

  async settings(): Promise<ChannelSettings> {
    const { secrets } = this.deps;
    return {
      config: this.config,
      secrets: {
        smppPasswordSet: (await secrets.get('smppPassword')) !== undefined,
        simPinSet: (await secrets.get('simPin')) !== undefined,
        persistent: secrets.persistent,
        storage: secrets.storage,
        warning: secrets.warning,
      },
    };
  }

  async update(update: ChannelUpdate, actor: string, now: number): Promise<ChannelSettings> {
    const { secrets, settings } = this.deps;
    // The audit entry says which secret changed, never its value.
    const secretChanges: Record<string, 'changed' | 'removed' | 'unchanged'> = {};
    for (const name of ['smppPassword', 'simPin'] as const) {
      const value = update[name];
      const before = await secrets.get(name);
      if (value === null) await secrets.delete(name);
      else if (value !== undefined) await secrets.set(name, value);
      secretChanges[name] = value === null ? (before === undefined ? 'unchanged' : 'removed') : value === undefined || value === before ? 'unchanged' : 'changed';
    }
    const detail = {
      kind: update.config.kind,
      previousKind: this.config.kind,
      settings: JSON.stringify(update.config) === JSON.stringify(this.config) ? 'unchanged' : 'changed',
      ...secretChanges,
    };
    await settings.write({ [CONFIG_KEY]: update.config }, actor, now, { action: 'sms.channel.update', detail: JSON.stringify(detail) });
    await this.use(update.config);
    return this.settings();
  }

  /**
   * Tries settings without saving them: connects a separate transport, waits for
   * the link, and reports. A modem on the port the live channel already holds
   * cannot be opened twice, so that case reports the live channel instead.
   */
  async test(update: ChannelUpdate, timeoutMs: number): Promise<ChannelTestResult> {
    const live = this.transport;
    const { config } = update;
    if (live && config.kind === 'modem' && this.config.kind === 'modem' && config.modem?.port === this.config.modem?.port) {
      return { status: this.status(), facts: this.describe() };
    }
    const secrets = await this.secretsFor(update);
    let transport: SmsTransport;
    try {
      transport = createTransport(config, secrets, this.deps);
    } catch (err) {
      if (!(err instanceof ChannelNotConfiguredError)) throw err;
      return { status: { kind: config.kind, sendsRealSms: config.kind !== 'simulator', healthy: false, state: 'down', detail: err.message }, facts: [] };
    }
    try {
      transport.start();
      const link = await waitForLink(transport, timeoutMs);
      return { status: toChannelStatus(config.kind, config.kind !== 'simulator', link), facts: transport.describe?.() ?? [] };
    } finally {
      await transport.close();
    }
  }

  status(): SmsChannelStatus {
    const kind = this.config.kind;
    const sendsRealSms = kind !== 'simulator';
    if (!this.transport) {
      // lastError marks this as settled: waiting will not bring the link up.
      const problem = this.problem ?? 'Not set up';
      return { kind, sendsRealSms, healthy: false, state: 'down', detail: problem, lastError: problem };
    }
    return toChannelStatus(kind, sendsRealSms, this.transport.status());
  }

  /** What the transport can tell about itself beyond the status (modem make, registration…). */
  describe(): { label: string; value: string }[] {
    return this.transport?.describe?.() ?? [];
  }

  /** Plays a client's reply on the simulator; false on a real channel, where replies come from phones. */
  simulateReply(from: string, text: string): boolean {
    if (!(this.transport instanceof SimulatorTransport)) return false;
    this.transport.receive(from, text);
    return true;
  }

  kind(): ChannelConfig['kind'] {
    return this.config.kind;
  }

  ready(): boolean {
    return this.transport?.status().state === 'up';
  }

  /**
   * How many messages the dispatcher may hand over at once: the SMPP window, one
   * for a modem (it sends one at a time anyway), a few for the simulator.
   */
  window(): number {
    switch (this.config.kind) {
      case 'smpp':
        return this.config.smpp?.windowSize ?? 10;
      case 'modem':
        return 1;
      case 'simulator':
        return 5;
    }
  }

  send(sms: OutgoingSms): Promise<SendOutcome> {
    if (!this.transport) {
      return Promise.resolve({ ok: false, retryable: true, code: 'CHANNEL_NOT_READY', reason: this.problem ?? 'Not set up' });
    }
    return this.transport.send(sms);
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  close(): Promise<void> {
    return this.lifecycle.run(async () => {
      this.closed = true;
      await this.closeTransport();
      this.listeners.clear();
    });
  }

  private use(config: ChannelConfig): Promise<void> {
    return this.lifecycle.run(() => this.replaceTransport(config));
  }

  private async replaceTransport(config: ChannelConfig): Promise<void> {
    if (this.closed) return;
    await this.closeTransport();
    this.config = config;
    this.problem = undefined;
    try {
      this.transport = createTransport(config, await this.secretsFor({ config }), this.deps);
    } catch (err) {
      if (!(err instanceof ChannelNotConfiguredError)) throw err;
      this.problem = err.message;
      this.announce();
      return;
    }
    const transport = this.transport;
    this.stopRelay = transport.subscribe((event) => {
      this.listeners.emit(event);
      if (event.type === 'status') this.announce();
    });
    transport.start();
    this.announce();
  }

  /** The secrets typed in with `update`, else the stored ones. */
  private async secretsFor(update: ChannelUpdate): Promise<TransportSecrets> {
    const { secrets } = this.deps;
    const smppPassword = update.smppPassword ?? (await secrets.get('smppPassword'));
    const simPin = update.simPin ?? (await secrets.get('simPin'));
    return { ...(smppPassword ? { smppPassword } : {}), ...(simPin ? { simPin } : {}) };
  }

  private async closeTransport(): Promise<void> {
    const transport = this.transport;
    this.transport = undefined;
    // Stop relaying first: the old link's last "closed" is not news about the channel.
    this.stopRelay?.();
    this.stopRelay = undefined;
    if (transport) await transport.close();
  }

  private announce(): void {
    this.deps.events.emit('sms.status', this.status());
  }
}

function toChannelStatus(kind: ChannelConfig['kind'], sendsRealSms: boolean, link: LinkStatus): SmsChannelStatus {
  return {
    kind,
    sendsRealSms,
    healthy: link.state === 'up',
    state: link.state,
    detail: link.detail,
    ...(link.signalBars !== undefined ? { signalBars: link.signalBars } : {}),
    ...(link.operator !== undefined ? { operator: link.operator } : {}),
    ...(link.lastError !== undefined ? { lastError: link.lastError } : {}),
  };
}
