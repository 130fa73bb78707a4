import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { invokeMethod } from '../../src-main/app/invoke';
import { silentLogger } from '../../src-main/app/logger';
import { seededRandom } from '../../src-main/app/random';
import { tempDir } from '../support/temp-dir';

async function newCore(options: { dataDir?: string; demo?: boolean } = {}) {
  return createCore({
    dataDir: options.dataDir ?? join(await tempDir(), 'data'),
    log: silentLogger,
    systemTimeZone: 'Europe/Rome',
    random: seededRandom(7),
    ...(options.demo ? { demo: true } : {}),
  });
}

describe('first-run setup', () => {
  it('is needed by a new empty office until completed, and stays done after a restart', async () => {
    const dataDir = join(await tempDir(), 'data');
    const core = await newCore({ dataDir });
    try {
      expect(await core.api['setup.status']({})).toEqual({ needed: true });
      expect(await core.api['setup.complete']({})).toEqual({ needed: false });
      expect(await core.api['setup.status']({})).toEqual({ needed: false });
    } finally {
      await core.dispose();
    }
    const again = await newCore({ dataDir });
    try {
      expect(await again.api['setup.status']({})).toEqual({ needed: false });
      // Completing touches no office setting.
      expect((await again.api['settings.get']({})).officeName).toBe('');
    } finally {
      await again.dispose();
    }
  });

  it('is not needed by the demo office', async () => {
    const core = await newCore({ demo: true });
    try {
      expect(await core.api['setup.status']({})).toEqual({ needed: false });
    } finally {
      await core.dispose();
    }
  });

  it('is not needed by an office that already has a name or clients', async () => {
    const named = await newCore();
    try {
      await named.api['settings.update']({ officeName: 'Studio Legale Rossi' });
      expect(await named.api['setup.status']({})).toEqual({ needed: false });
    } finally {
      await named.dispose();
    }
    const withClients = await newCore();
    try {
      // Through the bridge's path, so the schema fills the defaults.
      const created = await invokeMethod(withClients.api, 'clients.create', { firstName: 'Anna', lastName: 'Rossi' }, silentLogger);
      expect(created.ok).toBe(true);
      expect(await withClients.api['setup.status']({})).toEqual({ needed: false });
    } finally {
      await withClients.dispose();
    }
  });
});
