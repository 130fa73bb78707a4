import { randomUUID } from 'node:crypto';
import { ApiError } from '../contract/errors';
import type { HandlersOf } from '../contract/method-spec';
import type { smsMethods } from '../contract/sms-methods';
import { listSerialPorts } from '../sms/modem/serial-port-list';
import { API_ACTOR, type HandlerDeps } from './handler-deps';

export function createSmsHandlers({ sms, clock }: HandlerDeps): HandlersOf<typeof smsMethods> {
  return {
    'sms.channel.get': () => sms.settings(),
    'sms.channel.update': ({ config, smppPassword, simPin }) =>
      sms.update(
        { config, ...(smppPassword !== undefined ? { smppPassword } : {}), ...(simPin !== undefined ? { simPin } : {}) },
        API_ACTOR,
        clock.now(),
      ),
    'sms.channel.status': async () => sms.status(),
    'sms.ports.list': () => listSerialPorts(),
    'sms.test.send': async ({ to, text }) => {
      const outcome = await sms.send({ id: `test-${randomUUID()}`, to, text, requestDeliveryReport: true });
      if (outcome.ok) return { references: outcome.references };
      throw new ApiError(outcome.retryable ? 'TRANSPORT_DOWN' : 'SEND_REJECTED', `${outcome.reason} (${outcome.code})`);
    },
  };
}
