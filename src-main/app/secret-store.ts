import type { secretStorages, secretStorageWarnings } from '../contract/sms-schemas';

/** The secrets the core keeps: never logged or exported. */
export type SecretName = 'smppPassword' | 'simPin';

/** Where a store keeps the secrets: the OS key store, a file this OS user can read, or memory only. */
export type SecretStorage = (typeof secretStorages)[number];
/** Why the SMS channel settings warn about the secrets (see the contract). */
export type SecretStorageWarning = (typeof secretStorageWarnings)[number];

export interface SecretStore {
  /** True when the secrets survive a restart. */
  readonly persistent: boolean;
  readonly storage: SecretStorage;
  /** Null when the secrets are encrypted by the OS key store. */
  readonly warning: SecretStorageWarning | null;
  get(name: SecretName): Promise<string | undefined>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
}

export const SECRET_ENV_NAMES: Record<SecretName, string> = {
  smppPassword: 'PROMEMORIA_SMPP_PASSWORD',
  simPin: 'PROMEMORIA_SIM_PIN',
};

/**
 * For the web mode and the CLI, where no OS key store is at hand: secrets typed in
 * live only in memory until Promemoria closes; a headless run can take them from
 * the environment (PROMEMORIA_SMPP_PASSWORD, PROMEMORIA_SIM_PIN) instead of a file.
 */
export class MemorySecretStore implements SecretStore {
  readonly persistent = false;
  readonly storage = 'memory';
  readonly warning = 'memory-only';
  private readonly values = new Map<SecretName, string>();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async get(name: SecretName): Promise<string | undefined> {
    return this.values.get(name) ?? (this.env[SECRET_ENV_NAMES[name]] || undefined);
  }

  async set(name: SecretName, value: string): Promise<void> {
    this.values.set(name, value);
  }

  async delete(name: SecretName): Promise<void> {
    this.values.delete(name);
  }
}
