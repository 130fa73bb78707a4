import { randomUUID } from 'node:crypto';
import { ApiError } from '../contract/errors';
import type { HandlersOf } from '../contract/method-spec';
import type { smsMethods } from '../contract/sms-methods';
import { listSerialPorts } from '../sms/modem/serial-port-list';
import { API_ACTOR, type HandlerDeps } from './handler-deps';

/** How long "Test connection" waits for the link before reporting what it has. */
const TEST_TIMEOUT_MS = 15_000;

export function createSmsHandlers({ sms, clock }: HandlerDeps): HandlersOf<typeof smsMethods> {
  return {
    'sms.channel.get': () => sms.settings(),
    'sms.channel.update': ({ config, smppPassword, simPin }) =>
      sms.update(
        { config, ...(smppPassword !== undefined ? { smppPassword } : {}), ...(simPin !== undefined ? { simPin } : {}) },
        API_ACTOR,
        clock.now(),
      ),
    'sms.channel.test': ({ config, smppPassword, simPin }) =>
      // null ("remove the stored secret") tests as "no secret typed": the stored one is used.
      sms.test({ config, ...(smppPassword ? { smppPassword } : {}), ...(simPin ? { simPin } : {}) }, TEST_TIMEOUT_MS),
    'sms.channel.status': async () => sms.status(),
    'sms.ports.list': () => listSerialPorts(),
    'sms.simulator.reply': async ({ from, text }) => {
      if (!sms.simulateReply(from, text)) throw new ApiError('CONFLICT', 'Replies can be simulated only while the channel is the simulator');
      return {};
    },
    'sms.test.send': async ({ to, text }) => {
      const outcome = await sms.send({ id: `test-${randomUUID()}`, to, text, requestDeliveryReport: true });
      if (outcome.ok) return { references: outcome.references };
      throw new ApiError(outcome.retryable ? 'TRANSPORT_DOWN' : 'SEND_REJECTED', `${outcome.reason} (${outcome.code})`);
    },
  };
}
