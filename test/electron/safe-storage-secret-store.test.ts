import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../src-main/app/logger';
import { tempDir } from '../support/temp-dir';

// A fake safeStorage: "encrypts" by reversing and base64-encoding, and reports the backend the test asks for.
const fake = vi.hoisted(() => ({ backend: 'gnome_libsecret', available: true, asyncCalls: 0 }));
vi.mock('electron', () => ({
  safeStorage: {
    isAsyncEncryptionAvailable: async () => fake.available,
    getSelectedStorageBackend: () => fake.backend,
    encryptStringAsync: async (text: string) => {
      fake.asyncCalls += 1;
      return Buffer.from([...text].reverse().join(''), 'utf8');
    },
    decryptStringAsync: async (data: Buffer) => {
      fake.asyncCalls += 1;
      return { result: [...data.toString('utf8')].reverse().join(''), shouldReEncrypt: false };
    },
  },
}));

const { SafeStorageSecretStore } = await import('../../src-main/electron/safe-storage-secret-store');
const PASSWORD = 'Sup3r-S3cret-pw';

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

describe('SafeStorageSecretStore.create (with a fake electron module)', () => {
  it('uses the OS key store through the async API when it really encrypts', async () => {
    if (process.platform !== 'linux' && process.platform !== 'win32' && process.platform !== 'darwin') return;
    fake.backend = 'gnome_libsecret';
    fake.available = true;
    const dir = await tempDir();
    const store = await SafeStorageSecretStore.create(dir, recordingLog());
    expect(store).toMatchObject({ persistent: true, storage: 'os-keychain', warning: null });
    await store.set('smppPassword', PASSWORD);
    expect(fake.asyncCalls).toBeGreaterThan(0);
    expect(await readdir(dir)).toEqual(['secrets.bin']);
    expect((await readFile(join(dir, 'secrets.bin'))).includes(Buffer.from(PASSWORD))).toBe(false);
  });

  it('on a plain-text-only backend (Linux basic_text): the owner-only file, with the warning', async () => {
    if (process.platform !== 'linux') return;
    fake.backend = 'basic_text';
    const dir = await tempDir();
    const log = recordingLog();
    const store = await SafeStorageSecretStore.create(dir, log);
    expect(store).toMatchObject({ persistent: true, storage: 'file', warning: 'os-plain-text-only' });
    await store.set('smppPassword', PASSWORD);
    expect(await readdir(dir)).toEqual(['secrets.json']);
    expect(log.lines.join('\n')).toMatch(/no encrypted key store/);
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
  });

  it('when encryption is not available at all: the owner-only file, with the warning', async () => {
    fake.available = false;
    const store = await SafeStorageSecretStore.create(await tempDir(), recordingLog());
    expect(store).toMatchObject({ storage: 'file', warning: 'os-plain-text-only' });
    fake.available = true;
  });
});
