import type { Clock } from '../app/clock';
import type { Logger } from '../app/logger';
import type { RandomSource } from '../app/random';
import type { ChannelConfig } from '../contract/sms-schemas';
import { ModemTransport } from './modem/modem-transport';
import { SimulatorTransport } from './simulator/simulator-transport';
import { SmppTransport } from './smpp/smpp-transport';
import type { SmsTransport } from './transport';

export interface TransportSecrets {
  smppPassword?: string;
  simPin?: string;
}

export interface TransportDeps {
  clock: Clock;
  random: RandomSource;
  log: Logger;
}

export class ChannelNotConfiguredError extends Error {}

/** The transport for the chosen channel, not yet started. */
export function createTransport(config: ChannelConfig, secrets: TransportSecrets, deps: TransportDeps): SmsTransport {
  switch (config.kind) {
    case 'simulator':
      return new SimulatorTransport({ clock: deps.clock, random: deps.random, behaviour: { kind: config.simulator.behaviour } });
    case 'modem': {
      if (!config.modem) throw new ChannelNotConfiguredError('The GSM modem has no serial port set');
      // The PIN goes into an AT command: only digits may, whichever way it came (settings, --pin, environment).
      if (secrets.simPin !== undefined && !/^[0-9]{4,8}$/.test(secrets.simPin)) {
        throw new ChannelNotConfiguredError('The SIM PIN must be 4 to 8 digits');
      }
      return new ModemTransport(
        { path: config.modem.port, baudRate: config.modem.baudRate, ...(secrets.simPin ? { pin: secrets.simPin } : {}) },
        { clock: deps.clock, random: deps.random, logger: deps.log },
      );
    }
    case 'smpp': {
      const smpp = config.smpp;
      if (!smpp) throw new ChannelNotConfiguredError('The SMPP account has no host set');
      if (!secrets.smppPassword) throw new ChannelNotConfiguredError('The SMPP account has no password set');
      return new SmppTransport(
        {
          host: smpp.host,
          port: smpp.port,
          tls: smpp.tls,
          systemId: smpp.systemId,
          password: secrets.smppPassword,
          systemType: smpp.systemType,
          sourceAddr: smpp.sourceAddr,
          windowSize: smpp.windowSize,
          maxMessagesPerSecond: smpp.maxMessagesPerSecond,
        },
        { clock: deps.clock, random: deps.random, logger: deps.log },
      );
    }
  }
}
