import { Menu } from 'electron';

/**
 * Windows and Linux get no menu bar: the UI has its own navigation, and text
 * fields keep their Ctrl shortcuts without one. macOS routes Cmd+C/V/Z through
 * the Edit menu, so it keeps the smallest standard menu.
 */
export function installAppMenu(): void {
  Menu.setApplicationMenu(
    process.platform === 'darwin'
      ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }])
      : null,
  );
}
