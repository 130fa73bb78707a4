/**
 * A real pseudo-terminal pair made by socat: one end for the client under test
 * (our driver, or gammu), the other for the modem simulator. The ends are given
 * as stable symlinks so that killing and restarting socat — a modem unplugged and
 * plugged back in — leaves the paths the same.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface PtyPair {
  /** Symlink to the end the client opens. */
  readonly clientPath: string;
  /** Symlink to the end the simulator opens. */
  readonly simulatorPath: string;
  /** The /dev/pts/N devices behind the links, as socat reported them (change on restart). */
  ptsPaths(): [string, string];
  /** Kills socat: both ends vanish, as when a USB modem is pulled out. */
  unplug(): Promise<void>;
  /** Starts socat again on the same links. */
  plugIn(): Promise<void>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 5000;

export async function startPtyPair(dir: string): Promise<PtyPair> {
  const clientPath = path.join(dir, 'modem-client');
  const simulatorPath = path.join(dir, 'modem-simulator');
  let socat: ChildProcess | undefined;
  let pts: [string, string] = ['', ''];

  const plugIn = async (): Promise<void> => {
    const child = spawn(
      'socat',
      ['-d', '-d', `pty,raw,echo=0,link=${clientPath}`, `pty,raw,echo=0,link=${simulatorPath}`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    socat = child;
    pts = await new Promise<[string, string]>((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(() => reject(new Error(`socat did not start:\n${stderr}`)), READY_TIMEOUT_MS);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`socat exited (${code}):\n${stderr}`)));
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (!stderr.includes('starting data transfer loop')) return;
        clearTimeout(timer);
        const found = [...stderr.matchAll(/PTY is (\S+)/g)].map((m) => m[1] ?? '');
        resolve([found[0] ?? '', found[1] ?? '']);
      });
    });
  };

  const unplug = async (): Promise<void> => {
    const child = socat;
    socat = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };

  await plugIn();
  return { clientPath, simulatorPath, ptsPaths: () => pts, unplug, plugIn, stop: unplug };
}
