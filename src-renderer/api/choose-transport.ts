import type { ApiTransport } from '../../src-main/contract/client';
import { findElectronBridge } from './electron-bridge';
import { createIpcTransport } from './ipc-transport';
import { createWebTransport } from './web-transport';
import { takeWebSessionToken } from './web-session-token';

/** IPC inside Electron, HTTP otherwise; undefined when a web page was opened without its token. */
export function chooseTransport(): ApiTransport | undefined {
  const bridge = findElectronBridge();
  if (bridge) return createIpcTransport(bridge);
  const token = takeWebSessionToken();
  return token ? createWebTransport(token) : undefined;
}
