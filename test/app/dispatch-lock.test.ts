import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { silentLogger } from '../../src-main/app/logger';
import { acquireDispatchLock, dispatchLockPathIn } from '../../src-main/app/dispatch-lock';
import { tempDir } from '../support/temp-dir';

/** A pid that is surely not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

describe('dispatch lock', () => {
  it('lets one owner at a time send, and frees the folder on release', async () => {
    const dir = await tempDir();
    const first = await acquireDispatchLock(dir);
    expect('lock' in first).toBe(true);
    const second = await acquireDispatchLock(dir);
    expect(second).toEqual({ heldBy: expect.objectContaining({ pid: process.pid, host: hostname() }) });
    if ('lock' in first) await first.lock.release();
    const third = await acquireDispatchLock(dir);
    expect('lock' in third).toBe(true);
  });

  it('takes over a lock left by a process that is gone, and respects one from another computer', async () => {
    const dir = await tempDir();
    const path = dispatchLockPathIn(dir);
    await writeFile(path, JSON.stringify({ pid: await deadPid(), host: hostname(), since: 0 }));
    const taken = await acquireDispatchLock(dir);
    expect('lock' in taken).toBe(true);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid });
    if ('lock' in taken) await taken.lock.release();

    await writeFile(path, JSON.stringify({ pid: 1, host: 'reception-pc', since: 0 }));
    expect(await acquireDispatchLock(dir)).toEqual({ heldBy: { pid: 1, host: 'reception-pc', since: 0 } });
  });

  it('treats a lock with our pid from before this process started as stale (the pid was reused)', async () => {
    const dir = await tempDir();
    await writeFile(dispatchLockPathIn(dir), JSON.stringify({ pid: process.pid, host: hostname(), since: 1 }));
    expect('lock' in (await acquireDispatchLock(dir))).toBe(true);
  });
});

describe('two Promemoria on one data folder', () => {
  it('only the first sends; the second says who does', async () => {
    const dataDir = join(await tempDir(), 'data');
    const first = await createCore({ dataDir, log: silentLogger });
    onTestFinished(() => first.dispose());
    const second = await createCore({ dataDir, log: silentLogger });
    onTestFinished(() => second.dispose());
    expect((await first.api['dispatch.status']({})).sendingElsewhere).toBeNull();
    expect((await second.api['dispatch.status']({})).sendingElsewhere).toBe(`process ${process.pid} on ${hostname()}`);
  });
});
