import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { FileSecretStore, SECRETS_FILE_NAME } from '../../src-main/app/file-secret-store';
import { invokeMethod } from '../../src-main/app/invoke';
import type { Logger } from '../../src-main/app/logger';
import { tempDir } from '../support/temp-dir';

const PASSWORD = 'Sup3r-S3cret-pw';
const PIN = '4711';
const posix = process.platform !== 'win32';

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(message),
    warn: (message) => lines.push(message),
    error: (message, err) => lines.push(`${message} ${err instanceof Error ? err.message : String(err ?? '')}`),
  };
}

describe('FileSecretStore (web mode and CLI)', () => {
  it('keeps the secrets across a restart in secrets.json, mode 0600', async () => {
    const dir = await tempDir();
    const first = new FileSecretStore(dir, { env: {} });
    await first.set('smppPassword', PASSWORD);
    await first.set('simPin', PIN);
    const second = new FileSecretStore(dir, { env: {} });
    expect(await second.get('smppPassword')).toBe(PASSWORD);
    expect(await second.get('simPin')).toBe(PIN);
    expect(second).toMatchObject({ persistent: true, storage: 'file', warning: 'file-readable-by-user' });
    if (posix) expect((await stat(join(dir, SECRETS_FILE_NAME))).mode & 0o777).toBe(0o600);
  });

  it('creates the file owner-only even under a permissive umask', async () => {
    if (!posix) return;
    const dir = await tempDir();
    const previous = process.umask(0);
    try {
      await new FileSecretStore(dir, { env: {} }).set('simPin', PIN);
    } finally {
      process.umask(previous);
    }
    expect((await stat(join(dir, SECRETS_FILE_NAME))).mode & 0o777).toBe(0o600);
  });

  it('writes atomically: a new file renamed over the old, no temporary left behind', async () => {
    const dir = await tempDir();
    const store = new FileSecretStore(dir, { env: {} });
    await store.set('smppPassword', 'first');
    const before = await stat(join(dir, SECRETS_FILE_NAME));
    await store.set('smppPassword', PASSWORD);
    const after = await stat(join(dir, SECRETS_FILE_NAME));
    // rename() puts a different file (inode) in place; an in-place write would keep the inode.
    if (posix) expect(after.ino).not.toBe(before.ino);
    expect(await readdir(dir)).toEqual([SECRETS_FILE_NAME]);
    expect(JSON.parse(await readFile(join(dir, SECRETS_FILE_NAME), 'utf8'))).toEqual({ smppPassword: PASSWORD });
    await store.delete('smppPassword');
    expect(JSON.parse(await readFile(join(dir, SECRETS_FILE_NAME), 'utf8'))).toEqual({});
    expect(await readdir(dir)).toEqual([SECRETS_FILE_NAME]);
  });

  it('serialises concurrent changes: none is lost', async () => {
    const dir = await tempDir();
    const store = new FileSecretStore(dir, { env: {} });
    await Promise.all([store.set('smppPassword', PASSWORD), store.set('simPin', PIN)]);
    expect(await new FileSecretStore(dir, { env: {} }).get('smppPassword')).toBe(PASSWORD);
    expect(await new FileSecretStore(dir, { env: {} }).get('simPin')).toBe(PIN);
  });

  it('narrows a file others could read to 0600, with a warning that names no secret', async () => {
    if (!posix) return;
    const dir = await tempDir();
    const path = join(dir, SECRETS_FILE_NAME);
    await writeFile(path, JSON.stringify({ smppPassword: PASSWORD }));
    await chmod(path, 0o644);
    const log = recordingLog();
    expect(await new FileSecretStore(dir, { env: {}, log }).get('smppPassword')).toBe(PASSWORD);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(/mode 644.*this user only/);
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
  });

  it('refuses a damaged file without echoing its content, and does not overwrite it', async () => {
    const dir = await tempDir();
    const path = join(dir, SECRETS_FILE_NAME);
    await writeFile(path, `{"smppPassword":"${PASSWORD}"`, { mode: 0o600 });
    const store = new FileSecretStore(dir, { env: {} });
    const failure = await store.get('smppPassword').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/damaged/);
    expect((failure as Error).message).not.toContain(PASSWORD);
    await expect(store.set('simPin', PIN)).rejects.toThrow(/damaged/);
    expect(await readFile(path, 'utf8')).toBe(`{"smppPassword":"${PASSWORD}"`);
  });

  it('lets the environment override the file', async () => {
    const dir = await tempDir();
    await new FileSecretStore(dir, { env: {} }).set('smppPassword', 'from-file');
    const store = new FileSecretStore(dir, { env: { PROMEMORIA_SMPP_PASSWORD: PASSWORD, PROMEMORIA_SIM_PIN: '' } });
    expect(await store.get('smppPassword')).toBe(PASSWORD);
    // An empty variable is no override.
    expect(await store.get('simPin')).toBeUndefined();
    await store.set('simPin', PIN);
    expect(await store.get('simPin')).toBe(PIN);
  });

  it('the SMS channel settings report the file storage and its warning, never the value, and nothing reaches the log', async () => {
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    const log = recordingLog();
    const core = await createCore({ dataDir, log, secrets: new FileSecretStore(dataDir, { env: {}, log }) });
    try {
      const smpp = { host: '127.0.0.1', port: 1, systemId: 'studio', systemType: '', sourceAddr: 'Studio', tls: false, windowSize: 10, maxMessagesPerSecond: 30 };
      const result = await invokeMethod(
        core.api,
        'sms.channel.update',
        { config: { kind: 'smpp', simulator: { behaviour: 'deliver' }, modem: null, smpp }, smppPassword: PASSWORD, simPin: PIN },
        log,
      );
      expect(result).toMatchObject({
        ok: true,
        value: { secrets: { smppPasswordSet: true, simPinSet: true, persistent: true, storage: 'file', warning: 'file-readable-by-user' } },
      });
      expect(JSON.stringify(result)).not.toContain(PASSWORD);
      expect(JSON.stringify(await core.api['sms.channel.get']({}))).not.toContain(PASSWORD);
    } finally {
      await core.dispose();
    }
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
    expect(log.lines.join('\n')).not.toContain(PIN);
    // Only the secrets file holds the value: not the database, its WAL or any other file.
    for (const name of await readdir(dataDir, { recursive: true })) {
      const path = join(dataDir, name);
      if (!(await stat(path)).isFile() || name === SECRETS_FILE_NAME) continue;
      expect((await readFile(path)).includes(Buffer.from(PASSWORD))).toBe(false);
    }
  });
});
