import type { CliCommand } from '../cli-command';
import { backupCommand } from './backup';
import { doctorCommand } from './doctor';
import { eraseCommand } from './erase';
import { exportCommand } from './export';
import { importClientsCommand } from './import-clients';
import { restoreCommand } from './restore';
import { runCommand } from './run';
import { sendCommand } from './send';

/** Every CLI command, in the order the usage text lists them. */
export const commands: readonly CliCommand[] = [
  doctorCommand,
  backupCommand,
  restoreCommand,
  sendCommand,
  runCommand,
  importClientsCommand,
  exportCommand,
  eraseCommand,
];
