import { resolve } from 'node:path';
import { EXIT_OK, EXIT_PROBLEM } from '../../app/entry-support';
import { invokeMethod } from '../../app/invoke';
import type { CliCommand } from '../cli-command';

/** Writes a checked copy of the live database to --out (relative to the current folder). */
export const backupCommand: CliCommand = {
  name: 'backup',
  usage: ['backup --out FILE [--force]   write a checked copy of the database to FILE'],
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  checkUsage(values, args) {
    if (args.length > 0) return `Unexpected argument "${args[0]}".`;
    return typeof values.out === 'string' && values.out !== '' ? undefined : 'backup needs --out FILE.';
  },
  async run({ core, values, print }) {
    const path = resolve(String(values.out));
    const result = await invokeMethod(core.api, 'store.backup', { path, overwrite: values.force === true }, core.log);
    if (!result.ok) {
      const hint = result.error.code === 'CONFLICT' ? ' (add --force to replace it)' : '';
      print(`Backup not written: ${result.error.message}${hint}`);
      return EXIT_PROBLEM;
    }
    const { bytes, integrity } = result.value as { bytes: number; integrity: string };
    print(`Backup written: ${path} (${Math.ceil(bytes / 1024)} KB, integrity ${integrity})`);
    return EXIT_OK;
  },
};
