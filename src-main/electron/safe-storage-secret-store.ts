import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { FileSecretStore } from '../app/file-secret-store';
import type { Logger } from '../app/logger';
import type { SecretName, SecretStore } from '../app/secret-store';
import { chooseSecretStorage } from './secret-storage-choice';

const FILE_NAME = 'secrets.bin';

/**
 * Secrets encrypted with the operating system's key store (DPAPI on Windows, the
 * Keychain on macOS, the desktop keyring on Linux) in one file in the data folder,
 * through safeStorage's async API.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly persistent = true;
  readonly storage = 'os-keychain';
  readonly warning = null;
  private cache: Partial<Record<SecretName, string>> | undefined;

  private constructor(private readonly path: string) {}

  /**
   * The OS key store when it offers real encryption. Where it does not (Linux
   * without a keyring: safeStorage's `basic_text` backend, a fixed key), the
   * secrets go to the same owner-only file as in web mode, and the SMS channel
   * settings warn that the OS offers only plain-text storage. Call after app ready.
   */
  static async create(dataDir: string, log: Logger): Promise<SecretStore> {
    const choice = chooseSecretStorage({
      platform: process.platform,
      asyncEncryptionAvailable: await safeStorage.isAsyncEncryptionAvailable(),
      backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
    });
    if (choice === 'os-keychain') return new SafeStorageSecretStore(join(dataDir, FILE_NAME));
    log.warn('the operating system offers no encrypted key store; the SMS password and PIN are kept in a file readable by this user only');
    return new FileSecretStore(dataDir, { log, warning: 'os-plain-text-only' });
  }

  async get(name: SecretName): Promise<string | undefined> {
    return (await this.load())[name];
  }

  async set(name: SecretName, value: string): Promise<void> {
    await this.save({ ...(await this.load()), [name]: value });
  }

  async delete(name: SecretName): Promise<void> {
    const { [name]: _removed, ...rest } = await this.load();
    await this.save(rest);
  }

  /**
   * The stored secrets. A file that cannot be decrypted now (keyring still locked at
   * login, another user's file) throws instead of reading as empty, so a later save
   * cannot overwrite the secrets it holds.
   */
  private async load(): Promise<Partial<Record<SecretName, string>>> {
    if (this.cache) return this.cache;
    let encrypted: Buffer;
    try {
      encrypted = await readFile(this.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      this.cache = {};
      return this.cache;
    }
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
    const secrets = JSON.parse(result) as Partial<Record<SecretName, string>>;
    this.cache = secrets;
    // The OS rotated its key: store the secrets again under the new one.
    if (shouldReEncrypt) await this.save(secrets);
    return secrets;
  }

  private async save(secrets: Partial<Record<SecretName, string>>): Promise<void> {
    const partial = `${this.path}.partial`;
    await writeFile(partial, await safeStorage.encryptStringAsync(JSON.stringify(secrets)), { mode: 0o600 });
    await rename(partial, this.path);
    this.cache = secrets;
  }
}
