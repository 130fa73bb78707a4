/** What the shell learned from Electron's safeStorage (kept apart so it is testable without Electron). */
export interface SafeStorageProbe {
  platform: NodeJS.Platform;
  /** `safeStorage.isAsyncEncryptionAvailable()`. */
  asyncEncryptionAvailable: boolean;
  /** `safeStorage.getSelectedStorageBackend()`, Linux only. */
  backend?: string;
}

/**
 * The OS key store only when it really encrypts: on Linux, the `basic_text` backend
 * (no keyring: a key hard-coded in Chromium) and `unknown` are plain text in all but
 * name, so the shell uses the owner-only file and warns instead.
 */
export function chooseSecretStorage(probe: SafeStorageProbe): 'os-keychain' | 'file' {
  if (!probe.asyncEncryptionAvailable) return 'file';
  if (probe.platform === 'linux' && (probe.backend === 'basic_text' || probe.backend === 'unknown' || probe.backend === undefined)) return 'file';
  return 'os-keychain';
}
