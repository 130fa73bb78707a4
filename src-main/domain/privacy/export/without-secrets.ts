/**
 * Secrets (the SMPP password, the SIM PIN) are kept by the operating system's key
 * store or in memory, never in the database, so an export of the settings table has
 * none. This is the second lock: should a setting ever hold something named like a
 * secret, it is left out of the export all the same.
 */
const SECRET_WORDS = /password|passwd|passphrase|secret|token|credential|api[-_]?key/i;

export function isSecretName(name: string): boolean {
  return SECRET_WORDS.test(name) || /(^|[_.-])pin$/i.test(name) || /[a-z]Pin$/.test(name);
}

/** A settings value with every property named like a secret removed, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !isSecretName(key))
      .map(([key, inner]) => [key, withoutSecrets(inner)]),
  );
}
