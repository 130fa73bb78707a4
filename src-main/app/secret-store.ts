/** The secrets the core keeps: never logged, exported, or written to a plain file. */
export type SecretName = 'smppPassword' | 'simPin';

export interface SecretStore {
  /** True when the secrets survive a restart (encrypted by the OS key store). */
  readonly persistent: boolean;
  get(name: SecretName): Promise<string | undefined>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
}

const ENV_NAMES: Record<SecretName, string> = {
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
  private readonly values = new Map<SecretName, string>();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async get(name: SecretName): Promise<string | undefined> {
    return this.values.get(name) ?? (this.env[ENV_NAMES[name]] || undefined);
  }

  async set(name: SecretName, value: string): Promise<void> {
    this.values.set(name, value);
  }

  async delete(name: SecretName): Promise<void> {
    this.values.delete(name);
  }
}
