import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../contract/channels';
import type { CallResult } from '../contract/errors';
import type { EventEnvelope } from '../contract/events';
import { PRELOAD_GLOBAL, type PromemoriaBridge } from '../contract/preload-bridge';

const bridge: PromemoriaBridge = Object.freeze({
  call: (method: string, input: unknown): Promise<CallResult> => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input),
  onEvent: (listener: (envelope: EventEnvelope) => void): (() => void) => {
    // Drops the IPC event object: it carries `sender`, which the page must not get.
    const wrapped = (_event: IpcRendererEvent, envelope: EventEnvelope): void => listener(envelope);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, bridge);
