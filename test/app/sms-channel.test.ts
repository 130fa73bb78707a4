import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { invokeMethod } from '../../src-main/app/invoke';
import { silentLogger } from '../../src-main/app/logger';
import { MemorySecretStore } from '../../src-main/app/secret-store';
import { tempDir } from '../support/temp-dir';

const PASSWORD = 'Sup3r-S3cret-pw';
const smpp = { host: '127.0.0.1', port: 1, systemId: 'studio', systemType: '', sourceAddr: 'Studio', tls: false, windowSize: 10, maxMessagesPerSecond: 30 };

async function core(env: NodeJS.ProcessEnv = {}) {
  return createCore({ dataDir: join(await tempDir(), 'data'), log: silentLogger, secrets: new MemorySecretStore(env) });
}

describe('SMS channel settings', () => {
  it('a new office is on the simulator, up, and says no SMS leaves the computer', async () => {
    const c = await core();
    try {
      const status = await c.api['sms.channel.status']({});
      expect(status).toMatchObject({ kind: 'simulator', sendsRealSms: false, healthy: true, state: 'up' });
      expect((await c.api['sms.test.send']({ to: '+393331234567', text: 'Prova' })).references).toHaveLength(1);
    } finally {
      await c.dispose();
    }
  });

  it('never gives the SMPP password back, nor writes it into the office data folder', async () => {
    const c = await core();
    try {
      const result = await invokeMethod(
        c.api,
        'sms.channel.update',
        { config: { kind: 'smpp', simulator: { behaviour: 'deliver' }, modem: null, smpp }, smppPassword: PASSWORD },
        silentLogger,
      );
      expect(result.ok).toBe(true);
      expect(JSON.stringify(result)).not.toContain(PASSWORD);
      expect(result).toMatchObject({ value: { secrets: { smppPasswordSet: true, simPinSet: false, persistent: false } } });
      const status = await c.api['sms.channel.status']({});
      expect(status).toMatchObject({ kind: 'smpp', sendsRealSms: true });
      expect(JSON.stringify(status)).not.toContain(PASSWORD);
      await c.api['store.backup']({ path: join(c.dataDir, 'copy.sqlite'), overwrite: false });
    } finally {
      await c.dispose();
    }
    for (const file of await readdir(c.dataDir, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      const bytes = await readFile(join(file.parentPath, file.name));
      expect(bytes.includes(Buffer.from(PASSWORD)), file.name).toBe(false);
    }
  });

  it('an SMPP account without a password is reported as not set up, and sends are refused as retryable', async () => {
    const c = await core();
    try {
      await c.api['sms.channel.update']({ config: { kind: 'smpp', simulator: { behaviour: 'deliver' }, modem: null, smpp } });
      expect(await c.api['sms.channel.status']({})).toMatchObject({ healthy: false, state: 'down', detail: expect.stringMatching(/password/) });
      expect(await invokeMethod(c.api, 'sms.test.send', { to: '+393331234567', text: 'Prova' }, silentLogger)).toMatchObject({
        ok: false,
        error: { code: 'TRANSPORT_DOWN' },
      });
    } finally {
      await c.dispose();
    }
  });

  it('keeps the channel choice across restarts; a secret from the environment counts as set', async () => {
    const dataDir = join(await tempDir(), 'data');
      const first = await createCore({ dataDir, log: silentLogger, secrets: new MemorySecretStore({}) });
    await first.api['sms.channel.update']({
      config: { kind: 'simulator', simulator: { behaviour: 'undeliverable' }, modem: { port: '/dev/ttyUSB2', baudRate: 115200 }, smpp: null },
    });
    await first.dispose();
    const second = await createCore({ dataDir, log: silentLogger, secrets: new MemorySecretStore({ PROMEMORIA_SIM_PIN: '1234' }) });
    try {
      const settings = await second.api['sms.channel.get']({});
      expect(settings.config).toMatchObject({ kind: 'simulator', simulator: { behaviour: 'undeliverable' }, modem: { port: '/dev/ttyUSB2' } });
      expect(settings.secrets.simPinSet).toBe(true);
    } finally {
      await second.dispose();
    }
  });

  it('refuses a SIM PIN that is not 4 to 8 digits, naming the field', async () => {
    const c = await core();
    try {
      const result = await invokeMethod(
        c.api,
        'sms.channel.update',
        { config: { kind: 'modem', simulator: { behaviour: 'deliver' }, modem: { port: '/dev/ttyUSB0' }, smpp: null }, simPin: '12ab' },
        silentLogger,
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'simPin' } });
    } finally {
      await c.dispose();
    }
  });
});
