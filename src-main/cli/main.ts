import { parseArgs } from 'node:util';
import { createCore } from '../app/create-core';
import { defaultDataDir } from '../app/data-dir';
import { FileSecretStore } from '../app/file-secret-store';
import { consoleLogger } from '../app/logger';
import { EXIT_PROBLEM, EXIT_USAGE, openCoreOrExplain } from '../app/entry-support';
import type { CliOption } from './cli-command';
import { commands } from './commands';

const USAGE = `Usage: npm run cli -- [--data-dir DIR] <command> [options]

Commands:
${commands.flatMap((command) => command.usage.map((line) => `  ${line}`)).join('\n')}

Options:
  --data-dir DIR   the office data folder (default: $PROMEMORIA_DATA_DIR or ${defaultDataDir({})})
  -h, --help       show this help`;

const GLOBAL_OPTIONS: Record<string, CliOption> = { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } };

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(EXIT_USAGE);
}

async function main(): Promise<number> {
  // Every command's options are parsed together, then each command accepts only its own.
  const allOptions: Record<string, CliOption> = { ...GLOBAL_OPTIONS };
  for (const command of commands) Object.assign(allOptions, command.options);
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: allOptions });
  } catch (err) {
    usageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [name, ...args] = positionals;
  if (name === undefined) usageError('No command given.');
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) usageError(`Unknown command "${name}".`);
  const own: Record<string, string | boolean | undefined> = {};
  for (const [option, value] of Object.entries(values)) {
    if (option in GLOBAL_OPTIONS) continue;
    if (!(option in command.options)) usageError(`"${name}" does not take --${option}.`);
    own[option] = value;
  }
  const problem = command.checkUsage(own, args);
  if (problem) usageError(problem);

  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir();
  const core = await openCoreOrExplain(() => createCore({ dataDir, secrets: new FileSecretStore(dataDir, { log: consoleLogger }), startSms: command.usesSmsChannel === true, dispatch: command.dispatches === true }));
  if (!core) return EXIT_PROBLEM;
  try {
    return await command.run({ core, values: own, args, print: (line) => console.log(line) });
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
