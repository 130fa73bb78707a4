import type { PromemoriaBridge } from '../../src-main/contract/preload-bridge';

declare global {
  interface Window {
    /** Present only inside the Electron window (see src-main/electron/preload.ts); absent in web mode. */
    readonly promemoria?: PromemoriaBridge;
  }
}

export function findElectronBridge(): PromemoriaBridge | undefined {
  return window.promemoria;
}
