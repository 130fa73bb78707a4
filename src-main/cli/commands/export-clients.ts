import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXIT_OK, EXIT_PROBLEM } from '../../app/entry-support';
import { errorCode } from '../../db/sqlite-connection';
import type { CliCommand } from '../cli-command';

/** `export clients --out FILE`: the client list as CSV for Excel (UTF-8 with BOM, ";"), as the UI's export button makes it. */
export const exportClientsCommand: CliCommand = {
  name: 'export',
  usage: [
    'export clients --out FILE [--archived] [--force]',
    '                              write the client list (or the archived clients) as CSV for Excel',
  ],
  options: { out: { type: 'string' }, archived: { type: 'boolean' }, force: { type: 'boolean' } },
  checkUsage(values, args) {
    if (args[0] !== 'clients') return 'export takes what to export: "export clients --out FILE".';
    if (args.length > 1) return `Unexpected argument "${args[1]}".`;
    return typeof values.out === 'string' && values.out !== '' ? undefined : 'export clients needs --out FILE.';
  },
  async run({ core, values, print }) {
    const path = resolve(String(values.out));
    const file = await core.api['clients.exportCsv']({ archived: values.archived === true });
    try {
      await writeFile(path, file.content, { encoding: 'utf8', flag: values.force === true ? 'w' : 'wx' });
    } catch (err) {
      const hint = errorCode(err) === 'EEXIST' ? ' (it already exists: add --force to replace it)' : '';
      print(`Not written: ${path}${hint}: ${err instanceof Error ? err.message : String(err)}`);
      return EXIT_PROBLEM;
    }
    print(`Exported ${file.rows} clients to ${path}`);
    return EXIT_OK;
  },
};
