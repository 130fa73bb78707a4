import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { constants } from 'node:os';

/**
 * Runs a program to its end and resolves with its exit code, using the shell
 * convention 128 + signal number when it was killed by a signal. Rejects only when
 * it could not be started at all (e.g. not found).
 */
export function runToExit(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
  onStarted?: (child: ChildProcess) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    child.once('error', reject);
    child.once('spawn', () => onStarted?.(child));
    child.once('close', (code, signal) => {
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
