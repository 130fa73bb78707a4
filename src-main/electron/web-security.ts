import { app, session, shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../app/logger';
import { isAppUrl } from './app-protocol';

/**
 * Applies the navigation and permission rules to every web contents the app ever
 * creates (our window, and anything a bug or a malicious page might open), so no
 * page can leave app://promemoria or gain a browser permission. Call after `ready`,
 * before the first window.
 */
export function hardenAllWebContents(log: Logger): void {
  denyAllPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
}

/** The UI needs no camera, notification, clipboard-read or other browser permission. */
function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

function hardenWebContents(contents: WebContents, log: Logger): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // webviewTag is off in our window; this also covers any other web contents.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No second window ever: an https link meant for the outside (target=_blank)
  // opens in the computer's browser, anything else is dropped.
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpsUrl(url)) shell.openExternal(url).catch((err: unknown) => log.warn(`could not open a link in the browser: ${String(err)}`));
    return { action: 'deny' };
  });
  if (contents.session !== session.defaultSession) denyAllPermissions(contents.session);
}

function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
