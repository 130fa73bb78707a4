import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runToExit } from './child-process';

/** Long enough for Electron's ~100 MB download on a slow office line, short enough to give up. */
const INSTALL_TIMEOUT_MS = 3 * 60_000;

const requireHere = createRequire(import.meta.url);

/**
 * The path of the Electron executable, downloading it first (once) when the npm
 * package was installed without it. Undefined when it cannot be had.
 */
export async function ensureElectronExecutable(): Promise<string | undefined> {
  const packageDir = dirname(requireHere.resolve('electron/package.json'));
  if (!isInstalled(packageDir)) {
    // Electron's own installer, run here rather than lazily inside require('electron'),
    // so that a failure is ours to explain and cannot hang without a limit.
    const code = await runToExit(process.execPath, [join(packageDir, 'install.js')], {
      stdio: 'inherit',
      timeout: INSTALL_TIMEOUT_MS,
    });
    if (code !== 0 || !isInstalled(packageDir)) return undefined;
  }
  // Once installed, the package's main export is the executable's path.
  return requireHere('electron') as string;
}

/** Mirrors the electron package's own check: path.txt names an executable under dist/. */
function isInstalled(packageDir: string): boolean {
  // Electron's documented override for a locally supplied build; its index.js then never downloads.
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  try {
    const executable = readFileSync(join(packageDir, 'path.txt'), 'utf8');
    return executable !== '' && existsSync(join(packageDir, 'dist', executable));
  } catch {
    return false;
  }
}
