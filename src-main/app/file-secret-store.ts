import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from './logger';
import { SECRET_ENV_NAMES, type SecretName, type SecretStorageWarning, type SecretStore } from './secret-store';

export const SECRETS_FILE_NAME = 'secrets.json';

/** Read and write for this OS user only. */
const OWNER_ONLY = 0o600;

type Secrets = Partial<Record<SecretName, string>>;

export interface FileSecretStoreOptions {
  /** Overrides the file's values (PROMEMORIA_SMPP_PASSWORD, PROMEMORIA_SIM_PIN). */
  env?: NodeJS.ProcessEnv;
  log?: Logger;
  /** Why the UI should warn; the desktop app passes `os-plain-text-only` when it found no key store. */
  warning?: Extract<SecretStorageWarning, 'file-readable-by-user' | 'os-plain-text-only'>;
  /** POSIX permission checks; off on Windows, where the profile folder's ACL protects the file. */
  checkMode?: boolean;
}

/**
 * For the web mode and the CLI (and the desktop app where the OS offers no real key
 * store): the secrets in `secrets.json` in the data folder, readable and writable
 * by this OS user only (mode 0600; a wider mode found on the file is narrowed, with
 * a warning in the log). Every save writes a temporary file and renames it over the
 * old one, so a crash leaves either the old or the new secrets, never half a file.
 * Less safe than the OS key store (anything running as this user can read it): the
 * SMS channel settings say so. The values are never logged.
 */
export class FileSecretStore implements SecretStore {
  readonly persistent = true;
  readonly storage = 'file';
  readonly warning: SecretStorageWarning;
  readonly path: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly log: Logger | undefined;
  private readonly checkMode: boolean;
  private cache: Secrets | undefined;
  /** Saves run one after another, so two quick changes cannot lose one. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string, options: FileSecretStoreOptions = {}) {
    this.path = join(dataDir, SECRETS_FILE_NAME);
    this.env = options.env ?? process.env;
    this.log = options.log;
    this.warning = options.warning ?? 'file-readable-by-user';
    this.checkMode = options.checkMode ?? process.platform !== 'win32';
  }

  async get(name: SecretName): Promise<string | undefined> {
    const fromEnv = this.env[SECRET_ENV_NAMES[name]];
    if (fromEnv) return fromEnv;
    return (await this.load())[name];
  }

  set(name: SecretName, value: string): Promise<void> {
    return this.serially(async () => this.save({ ...(await this.load()), [name]: value }));
  }

  delete(name: SecretName): Promise<void> {
    return this.serially(async () => {
      const current = await this.load();
      if (!(name in current)) return;
      const { [name]: _removed, ...rest } = current;
      await this.save(rest);
    });
  }

  private serially(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The stored secrets. An unreadable or damaged file throws rather than reading as
   * empty, so a later save cannot silently drop the secrets it holds.
   */
  private async load(): Promise<Secrets> {
    if (this.cache) return this.cache;
    let text: string;
    try {
      await this.narrowMode();
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      this.cache = {};
      return this.cache;
    }
    this.cache = parseSecrets(text, this.path);
    return this.cache;
  }

  /** A file others can read (copied in, restored from a backup…) is made owner-only again. */
  private async narrowMode(): Promise<void> {
    if (!this.checkMode) return;
    const { mode } = await stat(this.path);
    if ((mode & 0o077) === 0) return;
    this.log?.warn(
      `${this.path} could be read by other users (mode ${(mode & 0o777).toString(8)}); it is now readable by this user only (600)`,
    );
    await chmod(this.path, OWNER_ONLY);
  }

  private async save(secrets: Secrets): Promise<void> {
    await mkdir(join(this.path, '..'), { recursive: true });
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      // 'wx': a fresh file, created owner-only (never a pre-existing one someone else made).
      const handle = await open(temporary, 'wx', OWNER_ONLY);
      try {
        await handle.writeFile(`${JSON.stringify(secrets)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      // The process umask can only narrow the mode; make sure nothing widened it.
      if (this.checkMode) await chmod(temporary, OWNER_ONLY);
      await rename(temporary, this.path);
    } catch (err) {
      await unlink(temporary).catch(() => undefined);
      throw err;
    }
    this.cache = secrets;
  }
}

function parseSecrets(text: string, path: string): Secrets {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Never echo the content: it is the secrets.
    throw new Error(`${path} is damaged (not JSON); remove it and type the SMS password and PIN again`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${path} is damaged (not an object); remove it and type the SMS password and PIN again`);
  }
  const secrets: Secrets = {};
  for (const name of Object.keys(SECRET_ENV_NAMES) as SecretName[]) {
    const value = (parsed as Record<string, unknown>)[name];
    if (typeof value === 'string') secrets[name] = value;
  }
  return secrets;
}
