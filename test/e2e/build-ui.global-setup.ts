import { build } from 'vite';
import { REPO_ROOT } from '../support/run-entry';

/** Builds the real UI once, exactly as `npm run web` does, before the browser tests. */
export default async function buildUi(): Promise<void> {
  await build({ root: REPO_ROOT, configFile: `${REPO_ROOT}/vite.config.ts`, logLevel: 'warn' });
}
