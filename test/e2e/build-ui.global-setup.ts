import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../support/run-entry';

/**
 * Builds the real UI once, exactly as `npm run web` does, before the browser tests.
 * In a separate process with NODE_ENV=production: under vitest NODE_ENV is "test",
 * which would give the browser React's development build instead of the users' one.
 */
export default function buildUi(): void {
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}
