import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { invokeMethod } from '../../src-main/app/invoke';
import { silentLogger } from '../../src-main/app/logger';
import { methodNames } from '../../src-main/contract/methods';
import { createApiClient } from '../../src-main/contract/client';
import { databasePathIn } from '../../src-main/app/data-dir';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { tempDir } from '../support/temp-dir';

async function core() {
  const c = await createCore({ dataDir: join(await tempDir(), 'data'), log: silentLogger, systemTimeZone: 'Europe/Rome' });
  return c;
}

describe('core API', () => {
  it('settings: defaults for a new office, updates persist across restarts and are audited', async () => {
    const dataDir = join(await tempDir(), 'data');
    const first = await createCore({ dataDir, log: silentLogger, systemTimeZone: 'Europe/Rome' });
    expect(await first.api['settings.get']({})).toEqual({
      officeName: '',
      officePhone: '',
      officeType: 'dental',
      language: null,
      timeZone: 'Europe/Rome',
      defaultRegion: 'IT',
    });
    const seen: unknown[] = [];
    first.events.subscribe((event) => seen.push(event));
    const result = await invokeMethod(first.api, 'settings.update', { officeType: 'legal', language: 'en' }, silentLogger);
    expect(result).toMatchObject({ ok: true, value: { officeType: 'legal', language: 'en' } });
    expect(seen).toEqual([{ event: 'settings.changed', payload: expect.objectContaining({ officeType: 'legal' }) }]);
    await first.dispose();

    const second = await createCore({ dataDir, log: silentLogger, systemTimeZone: 'America/New_York' });
    expect(await second.api['settings.get']({})).toMatchObject({ officeType: 'legal', language: 'en', timeZone: 'America/New_York' });
    await second.dispose();
  });

  it('turns an unexpected failure into INTERNAL without leaking its message', async () => {
    const c = await core();
    await c.dispose(); // the database is now closed: every handler fails
    const result = await invokeMethod(c.api, 'office.summary', {}, silentLogger);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; the details are in the log.' } });
  });

  it('store.backup refuses a relative path and an existing file, naming the field', async () => {
    const c = await core();
    try {
      expect(await invokeMethod(c.api, 'store.backup', { path: 'copy.sqlite' }, silentLogger)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', field: 'path' },
      });
      const target = join(c.dataDir, 'copy.sqlite');
      expect(await invokeMethod(c.api, 'store.backup', { path: target }, silentLogger)).toMatchObject({ ok: true });
      expect(await invokeMethod(c.api, 'store.backup', { path: target }, silentLogger)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', field: 'path' },
      });
    } finally {
      await c.dispose();
    }
  });

  it('clients.list matches name prefixes and phone digits together ("ross 333")', async () => {
    const c = await core();
    try {
      // Seed through SQL: client creation arrives with the clients module.
      const db = await SqliteConnection.open(databasePathIn(c.dataDir), 'readwrite-create');
      await db.exec(`INSERT INTO clients (first_name, last_name, mobile, created_at, updated_at) VALUES
        ('Mario', 'Rossi', '+393331112222', 0, 0), ('Anna', 'Rossini', '+393478889999', 0, 0),
        ('Luca', 'Bianchi', '+393335556666', 0, 0), ('Rosa', 'Verdi', NULL, 0, 0)`);
      await db.close();
      const names = async (query: string) =>
        (await c.api['clients.list']({ query, limit: 50, offset: 0 })).items.map((item) => item.lastName);
      expect(await names('ross 333')).toEqual(['Rossi']);
      expect(await names('ross')).toEqual(['Rossi', 'Rossini']);
      expect(await names('ros')).toEqual(['Rossi', 'Rossini', 'Verdi']);
      expect(await names('5556')).toEqual(['Bianchi']);
      expect(await names('100%')).toEqual([]);
      expect((await c.api['clients.list']({ query: '', limit: 2, offset: 2 })).total).toBe(4);
    } finally {
      await c.dispose();
    }
  });

  it('the typed client built from the contract exposes every method and nothing else', async () => {
    const calls: string[] = [];
    const client = createApiClient({
      call: async (method) => {
        calls.push(method);
        return null;
      },
      subscribe: () => () => undefined,
    });
    expect(Object.keys(client).sort()).toEqual([...methodNames].sort());
    await client['app.info']({});
    expect(calls).toEqual(['app.info']);
    expect(Object.isFrozen(client)).toBe(true);
  });
});
