import type { CallResult } from './errors';
import type { EventEnvelope } from './events';

/** The global the preload exposes to the UI. */
export const PRELOAD_GLOBAL = 'promemoria';

/**
 * What the UI sees as `window.promemoria`: two functions, never ipcRenderer itself,
 * so a compromised page can only make the calls the contract allows.
 */
export interface PromemoriaBridge {
  /** Calls a contract method; the main process validates `input` and answers with an envelope. */
  call(method: string, input: unknown): Promise<CallResult>;
  /** Listens to the core's pushed events. Returns the function that stops listening. */
  onEvent(listener: (envelope: EventEnvelope) => void): () => void;
}
