import type { ApiClient, MethodName } from './methods';
import { methodNames } from './methods';
import type { EventEnvelope } from './events';

/** How a client reaches the core: IPC in Electron, HTTP + WebSocket in web mode. */
export interface ApiTransport {
  /** Resolves with the method's output or rejects with an ApiError. */
  call(method: MethodName, input: unknown): Promise<unknown>;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: EventEnvelope) => void): () => void;
}

/** Builds the typed client from the contract's method list: no method name is written by hand. */
export function createApiClient(transport: ApiTransport): ApiClient {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of methodNames) {
    client[method] = (input: unknown) => transport.call(method, input);
  }
  return Object.freeze(client) as ApiClient;
}
