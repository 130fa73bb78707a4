import type { ApiTransport } from '../../src-main/contract/client';
import { WEB_API_PREFIX, WEB_EVENTS_PATH, WEB_TOKEN_PARAM } from '../../src-main/contract/channels';
import { ApiError, wireErrorSchema } from '../../src-main/contract/errors';
import { EventSocket } from './event-socket';

/** Web mode: POST per call to the loopback bridge, events over one WebSocket. */
export function createWebTransport(token: string): ApiTransport {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const eventsUrl = `${scheme}://${window.location.host}${WEB_EVENTS_PATH}?${WEB_TOKEN_PARAM}=${encodeURIComponent(token)}`;
  const socket = new EventSocket(eventsUrl);

  return {
    async call(method, input) {
      let response: Response;
      try {
        response = await fetch(WEB_API_PREFIX + method, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
        });
      } catch {
        throw new ApiError('TRANSPORT_DOWN', 'Promemoria is not responding: is `npm run web` still running?');
      }
      const body = await readJson(response);
      if (response.ok && body !== undefined) return body;
      const wire = wireErrorSchema.safeParse(body);
      throw wire.success
        ? ApiError.fromWire(wire.data)
        : new ApiError('INTERNAL', `Unexpected answer from Promemoria (HTTP ${String(response.status)})`);
    },
    subscribe(listener) {
      return socket.subscribe(listener);
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}
