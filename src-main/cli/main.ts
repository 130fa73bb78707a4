import { parseArgs } from 'node:util';
import { createCore } from '../app/create-core';
import { defaultDataDir } from '../app/data-dir';
import { EXIT_PROBLEM, EXIT_USAGE, openCoreOrExplain } from '../app/entry-support';
import { backup } from './commands/backup';
import { doctor } from './commands/doctor';

const USAGE = `Usage: npm run cli -- [--data-dir DIR] <command> [options]

Commands:
  doctor                        check the database and the SMS channel (exit 0 when healthy)
  backup --out FILE [--force]   write a checked copy of the database to FILE

Options:
  --data-dir DIR   the office data folder (default: $PROMEMORIA_DATA_DIR or ${defaultDataDir({})})
  -h, --help       show this help`;

/** Which options each command accepts besides the global ones. */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  doctor: [],
  backup: ['out', 'force'],
};

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(EXIT_USAGE);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    usageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, ...extra] = positionals;
  if (command === undefined) usageError('No command given.');
  const allowed = COMMAND_OPTIONS[command];
  if (!allowed) usageError(`Unknown command "${command}".`);
  if (extra.length > 0) usageError(`Unexpected argument "${extra[0]}".`);
  for (const option of ['out', 'force'] as const) {
    if (values[option] !== undefined && !allowed.includes(option)) usageError(`"${command}" does not take --${option}.`);
  }
  if (command === 'backup' && !values.out) usageError('backup needs --out FILE.');

  const dataDir = values['data-dir'] ?? defaultDataDir();
  const core = await openCoreOrExplain(() => createCore({ dataDir }));
  if (!core) return EXIT_PROBLEM;
  const print = (line: string) => console.log(line);
  try {
    if (command === 'doctor') return await doctor(core, print);
    return await backup(core, values.out ?? '', values.force ?? false, print);
  } finally {
    await core.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(EXIT_PROBLEM);
  },
);
