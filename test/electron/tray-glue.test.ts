import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { silentLogger } from '../../src-main/app/logger';
import { MemorySecretStore } from '../../src-main/app/secret-store';
import { tempDir } from '../support/temp-dir';
import { until } from '../support/until';

// A fake of the few Electron pieces the tray glue uses: Electron cannot be downloaded here.
interface FakeMenuItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  checked?: boolean;
  click?: (item: { checked: boolean }) => void;
}
const fake = vi.hoisted(() => {
  const state = {
    trays: [] as Array<{ tooltip: string; menu: FakeMenuItem[]; destroyed: boolean; emit: (event: string) => void }>,
    loginItem: { openAtLogin: false },
    quits: 0,
  };
  return state;
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class Tray extends EventEmitter {
    tooltip = '';
    menu: FakeMenuItem[] = [];
    destroyed = false;
    constructor() {
      super();
      fake.trays.push(this);
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setContextMenu(menu: { items: FakeMenuItem[] }) {
      this.menu = menu.items;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return {
    Tray,
    Menu: { buildFromTemplate: (items: FakeMenuItem[]) => ({ items }) },
    nativeImage: { createFromPath: () => ({ isEmpty: () => false }) },
    app: {
      quit: () => {
        fake.quits += 1;
      },
      getLoginItemSettings: () => fake.loginItem,
      setLoginItemSettings: (settings: { openAtLogin: boolean }) => {
        fake.loginItem = { openAtLogin: settings.openAtLogin };
      },
    },
  };
});

const { createTray } = await import('../../src-main/electron/tray');

describe('tray glue (with a fake electron module)', () => {
  it('shows the real dispatcher status, pauses and resumes the core, opens the window, quits', async () => {
    const core = await createCore({ dataDir: join(await tempDir(), 'data'), log: silentLogger, secrets: new MemorySecretStore({}), systemTimeZone: 'Europe/Rome' });
    const opened: string[] = [];
    const stop = createTray({ core, iconPath: '/nowhere/tray-icon.png', language: () => 'en', timeZone: () => 'Europe/Rome', openWindow: () => opened.push('open') });
    try {
      const tray = fake.trays.at(-1)!;
      const item = (label: string) => tray.menu.find((candidate) => candidate.label === label);
      await until(async () => item('Pause sending'), (found) => found !== undefined);
      expect(tray.menu[0]).toMatchObject({ label: 'Simulator: no SMS leaves this computer', enabled: false });
      expect(tray.tooltip).toBe('Promemoria: running, sending reminders');

      item('Pause sending')!.click!({ checked: false });
      await until(async () => item('Resume sending'), (found) => found !== undefined);
      expect((await core.api['dispatch.status']({})).paused).toBe(true);
      expect(tray.tooltip).toBe('Promemoria: Sending paused');

      // Paused from the window (another bridge): the tray follows the core's event.
      await core.api['dispatch.resume']({});
      await until(async () => item('Pause sending'), (found) => found !== undefined);

      item('Open Promemoria')!.click!({ checked: false });
      expect(opened).toEqual(['open']);
      item('Quit (no more SMS go out)')!.click!({ checked: false });
      expect(fake.quits).toBe(1);

      if (process.platform === 'win32' || process.platform === 'darwin') {
        item('Start when I log in')!.click!({ checked: true });
        expect(fake.loginItem.openAtLogin).toBe(true);
      } else {
        // Linux has no login item API in Electron: the entry is left out.
        expect(item('Start when I log in')).toBeUndefined();
      }
    } finally {
      stop();
      await core.dispose();
    }
    expect(fake.trays.at(-1)!.destroyed).toBe(true);
  });
});
