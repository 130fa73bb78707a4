/** Minimal logging seam. Never pass secrets or message texts to it. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.error(`[promemoria] ${message}`),
  warn: (message) => console.error(`[promemoria] warning: ${message}`),
  error: (message, err) => console.error(`[promemoria] error: ${message}`, err ?? ''),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
