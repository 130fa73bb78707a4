import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Core } from '../app/create-core';
import type { EventHub } from '../app/event-hub';
import { invokeMethod } from '../app/invoke';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../contract/channels';
import type { CallResult } from '../contract/errors';
import { isAppUrl } from './app-protocol';

const FORBIDDEN: CallResult = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This window is not allowed to call Promemoria.' },
};

/**
 * The only IPC entry: one channel carrying `(method, input)`, answered with the
 * CallResult envelope (Electron would drop an error's code on the way back).
 * Input validation is `invokeMethod`'s job; this layer only checks who is asking.
 * Returns a disposer that removes the handler.
 */
export function registerIpcBridge(
  core: Pick<Core, 'api' | 'log'>,
  trustedContents: () => WebContents | undefined,
): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, method: unknown, input: unknown): Promise<CallResult> | CallResult => {
    if (!isFromTrustedFrame(event, trustedContents())) {
      core.log.warn(`refused an IPC call from ${event.senderFrame?.url ?? 'a frame that is gone'}`);
      return FORBIDDEN;
    }
    return invokeMethod(core.api, String(method), input, core.log);
  });
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}

/**
 * Only the top frame of our window, showing our UI, may call. Frames are compared
 * by process and routing id: Electron may hand out distinct WebFrameMain objects
 * for the same frame.
 */
function isFromTrustedFrame(event: IpcMainInvokeEvent, contents: WebContents | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || !contents || contents.isDestroyed() || event.sender.id !== contents.id) return false;
  const top = contents.mainFrame;
  return frame.processId === top.processId && frame.routingId === top.routingId && isAppUrl(frame.url);
}

/** Pushes every core event to the window's UI. Returns the unsubscriber. */
export function forwardCoreEvents(events: EventHub, contents: WebContents): () => void {
  return events.subscribe((envelope) => {
    if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(IPC_EVENT_CHANNEL, envelope);
  });
}
