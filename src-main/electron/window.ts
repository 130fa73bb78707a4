import { BrowserWindow } from 'electron';

/**
 * The one application window: sandboxed renderer, context isolation, no Node, and
 * only the preload's narrow bridge. The caller loads the UI into it.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Promemoria',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown once the first frame is painted, so the desk never sees a blank white box.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // Chromium's spell checker downloads dictionaries on Linux; the app stays offline.
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  return win;
}

/** Brings the window to the front, e.g. when Promemoria is started a second time. */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/**
 * Closing the window hides it while Promemoria keeps running (and sending) in the
 * tray, unless the app is quitting (tray → Quit, Cmd+Q, the OS logging out).
 */
export function hideOnClose(win: BrowserWindow, quitting: () => boolean): void {
  // Windows logging off or shutting down: a window that refuses to close would hold it up.
  let sessionEnding = false;
  win.on('query-session-end', () => {
    sessionEnding = true;
  });
  win.on('close', (event) => {
    if (quitting() || sessionEnding) return;
    event.preventDefault();
    win.hide();
  });
}
