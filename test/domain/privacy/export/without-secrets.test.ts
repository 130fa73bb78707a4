import { describe, expect, it } from 'vitest';
import { isSecretName, withoutSecrets } from '../../../../src-main/domain/privacy/export/without-secrets';

describe('secrets never leave in an export', () => {
  it('recognises names of secrets', () => {
    expect(['password', 'smppPassword', 'sim_pin', 'simPin', 'pin', 'apiKey', 'api_key', 'token', 'clientSecret'].filter((name) => !isSecretName(name))).toEqual([]);
    expect(['officeName', 'pinned', 'spinner', 'port', 'systemId', 'host', 'simPinSet'].filter(isSecretName)).toEqual([]);
  });

  it('removes them at any depth, keeping the rest', () => {
    expect(withoutSecrets({ kind: 'smpp', smpp: { host: 'h', password: 'p', systemId: 's' }, modem: [{ port: '/dev/ttyUSB0', simPin: '1' }] })).toEqual({
      kind: 'smpp', smpp: { host: 'h', systemId: 's' }, modem: [{ port: '/dev/ttyUSB0' }],
    });
    expect(withoutSecrets('plain')).toBe('plain');
  });
});
