import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { invokeMethod } from '../../src-main/app/invoke';
import { silentLogger } from '../../src-main/app/logger';
import { applyPendingRestore } from '../../src-main/app/restore';
import { migrations } from '../../src-main/db/migrations';
import { tempDir } from '../support/temp-dir';

async function core(dataDir: string) {
  const c = await createCore({ dataDir, log: silentLogger, systemTimeZone: 'Europe/Rome', startSms: false, dispatch: false });
  onTestFinished(() => c.dispose());
  return c;
}

describe('the backups API', () => {
  it('backs up now into the chosen folder, lists it, refuses a folder it cannot write, and stages a restore for the next start', async () => {
    const dataDir = join(await tempDir(), 'data');
    const c = await core(dataDir);
    const call = (method: Parameters<typeof invokeMethod>[1], input: unknown) => invokeMethod(c.api, method, input, silentLogger);

    const file = join(await tempDir(), 'a-file');
    await writeFile(file, 'x');
    const refused = await call('backups.settings.update', { folder: file });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'folder' } });
    expect(JSON.stringify(refused)).toMatch(/cannot write to this folder/);

    const usb = join(await tempDir(), 'USB');
    expect(await call('backups.settings.update', { folder: usb })).toEqual({ ok: true, value: { folder: usb } });
    const made = await call('backups.runNow', {});
    expect(made).toMatchObject({ ok: true, value: { location: 'folder', kind: 'manual', integrity: 'ok' } });
    const listed = await call('backups.list', {});
    expect(listed).toMatchObject({ ok: true, value: { restorePending: false, backups: [{ location: 'folder', kind: 'manual', integrity: 'ok' }] } });
    expect(JSON.stringify(listed)).not.toContain(usb); // file names only, no paths on the wire

    const name = (made as { value: { file: string } }).value.file;
    expect(await call('backups.restore', { file: 'nope.sqlite', location: 'folder' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('backups.restore', { file: name, location: 'folder' })).toEqual({ ok: true, value: { restartNeeded: true, version: migrations.length } });
    expect(await call('backups.list', {})).toMatchObject({ ok: true, value: { restorePending: true } });

    await c.dispose();
    const outcome = await applyPendingRestore({ dataDir, migrations, now: () => Date.now() });
    expect(outcome?.safetyCopy).toMatch(/before-restore-.*\.sqlite$/);
    expect((await readdir(join(dataDir, 'backups'))).some((n) => n.startsWith('before-restore-'))).toBe(true);
    const again = await core(dataDir);
    expect(await invokeMethod(again.api, 'backups.list', {}, silentLogger)).toMatchObject({ ok: true, value: { restorePending: false } });
  });
});
