import { app } from 'electron';
import type { Logger } from '../app/logger';

/** A transport that never closes must not keep a windowless Promemoria, and its database, alive. */
const SHUTDOWN_LIMIT_MS = 10_000;

/**
 * Holds every quit (last window closed, Cmd+Q, SIGINT/SIGTERM) until `shutdown`
 * has finished, and runs it once however many quits are asked for.
 */
export function shutdownBeforeQuit(shutdown: () => Promise<void>, log: Logger): void {
  let state: 'running' | 'shutting-down' | 'done' = 'running';
  const quitNow = (): void => {
    if (state === 'done') return;
    state = 'done';
    app.quit();
  };
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'shutting-down') return;
    state = 'shutting-down';
    const limit = setTimeout(() => {
      log.error(`shutdown unfinished after ${SHUTDOWN_LIMIT_MS / 1000} s; quitting anyway`);
      quitNow();
    }, SHUTDOWN_LIMIT_MS);
    shutdown()
      .catch((err: unknown) => log.error('shutdown did not finish cleanly', err))
      .finally(() => {
        clearTimeout(limit);
        quitNow();
      });
  });
}
