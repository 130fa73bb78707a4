import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One process at a time sends from a data folder. Claims are transactional, so two
 * dispatchers would never claim the same message; but each one, starting, re-queues
 * what it finds in `sending` as interrupted — the other's messages in flight — and
 * those would go twice. The lock is a file with the owner's pid; a lock left by a
 * process that is gone (a crash, a power cut) is taken over.
 */
export interface DispatchLock {
  release(): Promise<void>;
}

interface Owner {
  pid: number;
  host: string;
  since: number;
}

export function dispatchLockPathIn(dataDir: string): string {
  return join(dataDir, 'dispatch.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether `owner` still holds the lock. Another computer's process (a shared
 * folder) cannot be checked, so its lock is respected. Our own pid counts as held
 * (a second core in this process) unless the lock predates this process: then the
 * pid was reused after a restart.
 */
function holds(owner: Owner, host: string, startedAt: number): boolean {
  if (owner.host !== host) return true;
  if (owner.pid === process.pid) return owner.since >= startedAt;
  return isAlive(owner.pid);
}

async function readOwner(path: string): Promise<Owner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host, since: owner.since ?? 0 } : undefined;
  } catch {
    return undefined;
  }
}

/** The lock, or the owner that holds it (a live process on this computer). */
export async function acquireDispatchLock(dataDir: string): Promise<{ lock: DispatchLock } | { heldBy: Owner }> {
  const path = dispatchLockPathIn(dataDir);
  // Wall-clock time, not the core's clock: it is compared with this process's start.
  const mine: Owner = { pid: process.pid, host: hostname(), since: Date.now() };
  const startedAt = Date.now() - process.uptime() * 1000;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
      return {
        lock: {
          async release() {
            const owner = await readOwner(path);
            if (owner?.pid === mine.pid && owner.host === mine.host) await unlink(path).catch(() => undefined);
          },
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = await readOwner(path);
    if (owner && holds(owner, mine.host, startedAt)) return { heldBy: owner };
    await unlink(path).catch(() => undefined); // stale or unreadable
  }
  const owner = await readOwner(path);
  return { heldBy: owner ?? { pid: 0, host: 'unknown', since: 0 } };
}
