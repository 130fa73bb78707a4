import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { MemorySecretStore, type SecretName, type SecretStore } from '../app/secret-store';

const FILE_NAME = 'secrets.bin';

/**
 * Secrets encrypted with the operating system's key store (DPAPI on Windows, the
 * Keychain on macOS, the desktop keyring on Linux) in one file in the data folder.
 * Where no real key store is available (Linux without a keyring falls back to a
 * fixed key), secrets are kept in memory only rather than written half-protected.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly persistent = true;
  private cache: Partial<Record<SecretName, string>> | undefined;

  private constructor(private readonly path: string) {}

  static create(dataDir: string): SecretStore {
    const usable =
      safeStorage.isEncryptionAvailable() &&
      (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
    return usable ? new SafeStorageSecretStore(join(dataDir, FILE_NAME)) : new MemorySecretStore();
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
