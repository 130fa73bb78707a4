import { describe, expect, it } from 'vitest';
import { chooseSecretStorage } from '../../src-main/electron/secret-storage-choice';

describe('chooseSecretStorage', () => {
  it('uses the OS key store where it really encrypts', () => {
    expect(chooseSecretStorage({ platform: 'win32', asyncEncryptionAvailable: true })).toBe('os-keychain');
    expect(chooseSecretStorage({ platform: 'darwin', asyncEncryptionAvailable: true })).toBe('os-keychain');
    expect(chooseSecretStorage({ platform: 'linux', asyncEncryptionAvailable: true, backend: 'gnome_libsecret' })).toBe('os-keychain');
    expect(chooseSecretStorage({ platform: 'linux', asyncEncryptionAvailable: true, backend: 'kwallet6' })).toBe('os-keychain');
  });

  it('falls back to the owner-only file (with the warning) for plain-text backends or no encryption', () => {
    expect(chooseSecretStorage({ platform: 'linux', asyncEncryptionAvailable: true, backend: 'basic_text' })).toBe('file');
    expect(chooseSecretStorage({ platform: 'linux', asyncEncryptionAvailable: true, backend: 'unknown' })).toBe('file');
    expect(chooseSecretStorage({ platform: 'win32', asyncEncryptionAvailable: false })).toBe('file');
  });
});
