import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { consoleLogger } from '../app/logger';
import { createCore, type Core } from '../app/create-core';
import { StoreRefusedError } from '../db/store-refused-error';
import { installAppMenu } from './app-menu';
import { APP_ENTRY_URL, registerAppScheme, serveAppProtocol } from './app-protocol';
import { SafeStorageSecretStore } from './safe-storage-secret-store';
import { shutdownBeforeQuit } from './graceful-quit';
import { forwardCoreEvents, registerIpcBridge } from './ipc-bridge';
import { hardenAllWebContents } from './web-security';
import { createMainWindow, focusWindow } from './window';

// Bundled to dist/main/electron-main.cjs next to preload.cjs, with the UI in
// dist/renderer: the same layout in the repository and inside app.asar.
const PRELOAD_PATH = join(__dirname, 'preload.cjs');
const RENDERER_DIR = join(__dirname, '..', 'renderer');

// Before anything reads userData or takes the lock, both of which derive from the name.
app.setName('Promemoria');

if (app.requestSingleInstanceLock()) {
  registerAppScheme();
  start().catch(refuseToStart);
} else {
  // The first instance brings its window forward (see 'second-instance' below).
  app.quit();
}

async function start(): Promise<void> {
  const dataDir = process.env.PROMEMORIA_DATA_DIR || app.getPath('userData');
  await app.whenReady();
  const core = await createCore({ dataDir, secrets: SafeStorageSecretStore.create(dataDir) });
  try {
    await openUi(core);
  } catch (err) {
    await core.dispose();
    throw err;
  }
}

async function openUi(core: Core): Promise<void> {
  hardenAllWebContents(core.log);
  serveAppProtocol(RENDERER_DIR);
  installAppMenu();

  let win: BrowserWindow | undefined;
  const stopBridge = registerIpcBridge(core, () => win?.webContents);
  shutdownBeforeQuit(() => shutdown(core, stopBridge), core.log);
  app.on('window-all-closed', () => app.quit());
  app.on('second-instance', () => {
    if (win) focusWindow(win);
  });

  win = createMainWindow(PRELOAD_PATH);
  const stopEvents = forwardCoreEvents(core.events, win.webContents);
  win.once('closed', () => {
    stopEvents();
    win = undefined;
  });
  await win.loadURL(APP_ENTRY_URL);
}

async function shutdown(core: Core, stopBridge: () => void): Promise<void> {
  // No new calls reach the core while its database is closing.
  stopBridge();
  await core.dispose();
}

/** Shows why Promemoria cannot start, in words for the person at the desk, then exits. */
function refuseToStart(err: unknown): void {
  if (!(err instanceof StoreRefusedError)) consoleLogger.error('start-up failed', err);
  const message =
    err instanceof StoreRefusedError
      ? err.message
      : `Promemoria could not start because of an unexpected error (${err instanceof Error ? err.message : String(err)}). Please call your technician and show them this message.`;
  dialog.showErrorBox('Promemoria', message);
  // exit, not quit: there is nothing to shut down gracefully, and the code must not be 0.
  app.exit(1);
}
