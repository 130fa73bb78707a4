import type { ApiTransport } from '../../src-main/contract/client';
import { ApiError } from '../../src-main/contract/errors';
import type { PromemoriaBridge } from '../../src-main/contract/preload-bridge';

/**
 * Electron: calls go through the preload. Errors arrive as a result envelope
 * because IPC drops custom error fields; they are turned back into ApiErrors here.
 */
export function createIpcTransport(bridge: PromemoriaBridge): ApiTransport {
  return {
    async call(method, input) {
      const result = await bridge.call(method, input);
      if (!result.ok) throw ApiError.fromWire(result.error);
      return result.value;
    },
    subscribe(listener) {
      return bridge.onEvent(listener);
    },
  };
}
