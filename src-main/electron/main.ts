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
import { startDesktopNotifications } from './desktop-notifications';
import { createTray } from './tray';
import { trayIconPath, type TrayLanguage } from './tray-model';
import { createMainWindow, focusWindow, hideOnClose } from './window';

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
  const core = await createCore({ dataDir, secrets: await SafeStorageSecretStore.create(dataDir, consoleLogger) });
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
  let quitting = false;
  let stopTray: (() => void) | undefined;
  /** The tray and notifications, stopped before the core closes. */
  const stopShell: Array<() => void> = [];
  const stopBridge = registerIpcBridge(core, () => win?.webContents);
  app.on('before-quit', () => {
    quitting = true;
  });
  shutdownBeforeQuit(async () => {
    for (const stop of stopShell) stop();
    await shutdown(core, stopBridge);
  }, core.log);

  /** Shows the window (making it again if it was closed), optionally on a section; resolves once the UI is loaded. */
  const openWindow = (section?: string): Promise<void> => {
    if (win) {
      focusWindow(win);
      if (section) void win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(`#/${section}`)}`);
      return Promise.resolve();
    }
    const created = createMainWindow(PRELOAD_PATH);
    win = created;
    const stopEvents = forwardCoreEvents(core.events, created.webContents);
    // With a tray, closing the window only hides it; without one (no tray on this
    // desktop) there would be no way back, so closing quits as before.
    hideOnClose(created, () => quitting || stopTray === undefined);
    created.once('closed', () => {
      stopEvents();
      if (win === created) win = undefined;
    });
    return created.loadURL(`${APP_ENTRY_URL}${section ? `#/${section}` : ''}`);
  };
  const reopen = (section?: string): void => {
    openWindow(section).catch((err: unknown) => core.log.error('the window could not load the UI', err));
  };

  app.on('window-all-closed', () => {
    if (stopTray === undefined) app.quit();
  });
  app.on('second-instance', () => reopen());
  // macOS: a click on the Dock icon brings the hidden window back.
  app.on('activate', () => reopen());

  const office = await desktopPreferences(core);
  try {
    stopTray = createTray({
      core,
      iconPath: trayIconPath({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, repoRoot: app.getAppPath(), platform: process.platform }),
      language: office.language,
      timeZone: office.timeZone,
      openWindow: () => reopen(),
    });
  } catch (err) {
    core.log.warn(`no tray icon on this desktop; closing the window quits Promemoria (${err instanceof Error ? err.message : String(err)})`);
  }
  if (stopTray) stopShell.push(stopTray);
  stopShell.push(startDesktopNotifications({ core, language: office.language, open: () => reopen('messages') }));

  await openWindow();
}

/** The office's language and time zone for the tray and notifications, kept current. */
async function desktopPreferences(core: Core): Promise<{ language: () => TrayLanguage; timeZone: () => string }> {
  let settings = await core.api['settings.get']({});
  core.events.subscribe((envelope) => {
    if (envelope.event === 'settings.changed') settings = envelope.payload;
  });
  return {
    language: () => settings.language ?? (app.getLocale().toLowerCase().startsWith('it') ? 'it' : 'en'),
    timeZone: () => settings.timeZone,
  };
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
