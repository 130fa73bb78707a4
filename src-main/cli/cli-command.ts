import type { Core } from '../app/create-core';

/** An option a command accepts, as node:util parseArgs describes it. */
export interface CliOption {
  type: 'string' | 'boolean';
  short?: string;
}

export interface CliContext {
  core: Core;
  /** Option values by name (only the command's own options are allowed through). */
  values: Record<string, string | boolean | undefined>;
  /** What follows the command name. */
  args: string[];
  print: (line: string) => void;
}

/** One `npm run cli -- <name>` command. */
export interface CliCommand {
  name: string;
  /** Lines for the usage text, e.g. "backup --out FILE [--force]   write a checked copy…". */
  usage: string[];
  options: Record<string, CliOption>;
  /** True for commands that talk to the SMS channel; the others leave the modem or SMPP link alone. */
  usesSmsChannel?: boolean;
  /** True only for the command that plans and sends reminders (one process at a time should). */
  dispatches?: boolean;
  /** Usage problems (missing option, extra argument): the message, or undefined when fine. */
  checkUsage(values: CliContext['values'], args: string[]): string | undefined;
  /** The exit code: 0 done, 1 a problem reported, 2 bad usage. */
  run(context: CliContext): Promise<number>;
}
