import type { Core } from './create-core';
import { StoreRefusedError } from '../db/store-refused-error';

/** Exit codes shared by the command-line entries. */
export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_USAGE = 2;

/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits. A second signal while
 * shutting down exits at once (the user insisted).
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) process.exit(EXIT_PROBLEM);
    stopping = true;
    stop().then(
      () => process.exit(EXIT_OK),
      (err: unknown) => {
        console.error(err);
        process.exit(EXIT_PROBLEM);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Opens the core or explains, in the receptionist's words, why the database was refused. */
export async function openCoreOrExplain(open: () => Promise<Core>): Promise<Core | undefined> {
  try {
    return await open();
  } catch (err) {
    if (err instanceof StoreRefusedError) {
      console.error(err.message);
      return undefined;
    }
    throw err;
  }
}
