import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ BrowserWindow: class {} }));
const { hideOnClose } = await import('../../src-main/electron/window');

/** The window's 'close' event as Electron emits it: preventDefault() keeps the window. */
function fakeWindow() {
  const win = Object.assign(new EventEmitter(), { hidden: false, hide: () => (win.hidden = true) });
  const close = () => {
    let prevented = false;
    win.emit('close', { preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { win, close };
}

describe('hideOnClose', () => {
  it('closing the window hides it and keeps Promemoria running', () => {
    const { win, close } = fakeWindow();
    hideOnClose(win as never, () => false);
    expect(close()).toBe(true);
    expect(win.hidden).toBe(true);
  });

  it('when quitting (or with no tray), the window really closes', () => {
    const { win, close } = fakeWindow();
    let quitting = false;
    hideOnClose(win as never, () => quitting);
    quitting = true;
    expect(close()).toBe(false);
    expect(win.hidden).toBe(false);
  });

  it('Windows logging off: the window closes', () => {
    const { win, close } = fakeWindow();
    hideOnClose(win as never, () => false);
    win.emit('query-session-end', {});
    expect(close()).toBe(false);
  });
});
