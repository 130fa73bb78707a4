import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runToExit } from './child-process';
import { ensureElectronExecutable } from './electron-runtime';

/**
 * `npm start`: runs under plain Node (tsx), makes sure the Electron runtime is on
 * this computer, builds the app, then runs Electron on the repository (package.json
 * "main" points to the built dist/main/electron-main.cjs) until its window is closed.
 */
const repoRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)));

const NO_RUNTIME_MESSAGE =
  'Promemoria cannot open as a desktop app: the desktop runtime (Electron) could not be downloaded ' +
  'on this computer, because its download server cannot be reached from here (no internet access). ' +
  'Nothing was changed. To use Promemoria now, run "npm run web" to open the same app in your browser; ' +
  'or connect this computer to the internet (or set ELECTRON_MIRROR to a download mirror you can reach) ' +
  'and run "npm start" again.';

/** Forwarded to Electron, which answers each of them by quitting gracefully. */
const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

// The runtime is checked before the build: when it cannot be had, the person finds
// out at once, and nothing on disk was touched.
const electronPath = await ensureElectronExecutable();
if (electronPath === undefined) {
  process.stderr.write(`\n${NO_RUNTIME_MESSAGE}\n`);
  process.exit(1);
}

const buildCode = await runNpmBuild();
if (buildCode !== 0) process.exit(buildCode);

process.exit(await runElectron(electronPath));

function runNpmBuild(): Promise<number> {
  // npm_execpath is the npm (or pnpm/yarn) script that started us: runnable by this
  // Node on every platform, where spawning `npm` itself needs a shell on Windows.
  const npmCli = process.env.npm_execpath;
  const options = { cwd: repoRoot, stdio: 'inherit' } as const;
  return npmCli
    ? runToExit(process.execPath, [npmCli, 'run', 'build'], options)
    : runToExit('npm', ['run', 'build'], { ...options, shell: process.platform === 'win32' });
}

async function runElectron(executable: string): Promise<number> {
  // Editors' terminals sometimes set this; it would make Electron behave as plain Node.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
  let stopForwarding = (): void => {};
  try {
    return await runToExit(
      executable,
      [repoRoot],
      {
        cwd: repoRoot,
        env,
        stdio: 'inherit',
        // Its own process group on POSIX, so a Ctrl+C reaches it once, through us:
        // Electron treats a second SIGINT as "die now", skipping its graceful shutdown.
        detached: process.platform !== 'win32',
      },
      (child) => {
        stopForwarding = forwardSignalsOnce(child);
      },
    );
  } catch (err) {
    process.stderr.write(`Could not start Electron (${executable}): ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    stopForwarding();
  }
}

/**
 * Passes the first termination signal to Electron and swallows the rest: one
 * Ctrl+C reaches us several times (from the terminal, and relayed by npm and tsx).
 * On Windows, kill() ends the process outright; SQLite's journal keeps the data safe.
 */
function forwardSignalsOnce(child: ChildProcess): () => void {
  let forwarded = false;
  const forward = (signal: NodeJS.Signals): void => {
    if (forwarded) return;
    forwarded = true;
    child.kill(signal);
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  return () => {
    for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
  };
}
