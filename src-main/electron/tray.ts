import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Core } from '../app/create-core';
import type { DispatchStatus } from '../contract/messages-schemas';
import { trayModel, type TrayAction, type TrayItem, type TrayLanguage } from './tray-model';

export interface TrayOptions {
  core: Pick<Core, 'api' | 'events' | 'log'>;
  iconPath: string;
  language: () => TrayLanguage;
  timeZone: () => string;
  openWindow: () => void;
}

/**
 * The tray icon that keeps Promemoria reachable while its window is closed: the
 * menu is `trayModel()` of the dispatcher's status, rebuilt on every
 * `dispatch.status` and `settings.changed`. Returns the disposer.
 */
export function createTray(options: TrayOptions): () => void {
  const { core } = options;
  const image = nativeImage.createFromPath(options.iconPath);
  if (image.isEmpty()) core.log.warn(`tray icon not found at ${options.iconPath}`);
  const tray = new Tray(image);
  let status: DispatchStatus | null = null;
  let disposed = false;

  const render = (): void => {
    if (disposed) return;
    const model = trayModel({
      status,
      language: options.language(),
      timeZone: options.timeZone(),
      now: Date.now(),
      startAtLogin: loginItemState(),
    });
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(model.items.map((item) => toMenuItem(item, run))));
  };

  const refresh = (): void => {
    core.api['dispatch.status']({}).then(
      (next) => {
        status = next;
        render();
      },
      (err: unknown) => core.log.warn(`tray: sending status not available (${err instanceof Error ? err.message : String(err)})`),
    );
  };

  const run = (action: TrayAction | 'startAtLogin', checked?: boolean): void => {
    switch (action) {
      case 'open':
        options.openWindow();
        return;
      case 'quit':
        app.quit();
        return;
      case 'startAtLogin':
        app.setLoginItemSettings({ openAtLogin: checked === true });
        render();
        return;
      case 'pause':
      case 'resume':
        core.api[action === 'pause' ? 'dispatch.pause' : 'dispatch.resume']({}).then(
          (next) => {
            status = next;
            render();
          },
          (err: unknown) => core.log.warn(`tray: could not ${action} sending (${err instanceof Error ? err.message : String(err)})`),
        );
    }
  };

  // Windows and Linux open the window on a click; macOS shows the menu (its convention).
  if (process.platform !== 'darwin') tray.on('click', () => options.openWindow());
  const unsubscribe = core.events.subscribe((envelope) => {
    if (envelope.event === 'dispatch.status') {
      status = envelope.payload;
      render();
    } else if (envelope.event === 'settings.changed' || envelope.event === 'sms.status') {
      refresh();
    }
  });
  // "Next reminder: today 14:30" turns into "tomorrow" at midnight without any event.
  const clock = setInterval(render, 60_000);
  clock.unref();
  render();
  refresh();

  return () => {
    disposed = true;
    clearInterval(clock);
    unsubscribe();
    tray.destroy();
  };
}

/** Windows and macOS keep an "open at login" entry; elsewhere the menu leaves the option out. */
function loginItemState(): boolean | undefined {
  if (process.platform !== 'win32' && process.platform !== 'darwin') return undefined;
  return app.getLoginItemSettings().openAtLogin;
}

function toMenuItem(item: TrayItem, run: (action: TrayAction | 'startAtLogin', checked?: boolean) => void): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'label':
      return { label: item.label, enabled: false };
    case 'checkbox':
      return { type: 'checkbox', label: item.label, checked: item.checked, click: (menuItem) => run(item.action, menuItem.checked) };
    case 'action':
      return { label: item.label, click: () => run(item.action) };
  }
}
