import { resolve } from 'node:path';
import type { Core } from '../../app/create-core';
import { EXIT_OK, EXIT_PROBLEM } from '../../app/entry-support';
import { invokeMethod } from '../../app/invoke';

/** Writes a checked copy of the live database to `out` (relative to the current folder). */
export async function backup(core: Core, out: string, force: boolean, print: (line: string) => void): Promise<number> {
  const path = resolve(out);
  const result = await invokeMethod(core.api, 'store.backup', { path, overwrite: force }, core.log);
  if (!result.ok) {
    const hint = result.error.code === 'CONFLICT' ? ' (add --force to replace it)' : '';
    print(`Backup not written: ${result.error.message}${hint}`);
    return EXIT_PROBLEM;
  }
  const { bytes, integrity } = result.value as { bytes: number; integrity: string };
  print(`Backup written: ${path} (${Math.ceil(bytes / 1024)} KB, integrity ${integrity})`);
  return EXIT_OK;
}
