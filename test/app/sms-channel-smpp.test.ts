import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/app/create-core';
import { silentLogger } from '../../src-main/app/logger';
import { MemorySecretStore } from '../../src-main/app/secret-store';
import { waitForLink } from '../../src-main/sms/wait-for-link';
import { SmscPeer } from '../peers/smsc/smsc-peer';
import { runEntry } from '../support/run-entry';
import { tempDir } from '../support/temp-dir';

let smsc: SmscPeer;

beforeAll(async () => {
  smsc = await SmscPeer.start({ systemId: 'studio', password: 'giusta' });
});

afterAll(async () => {
  await smsc.stop();
});

function smppConfig(port: number) {
  return {
    kind: 'smpp' as const,
    simulator: { behaviour: 'deliver' as const },
    modem: null,
    smpp: { host: '127.0.0.1', port, systemId: 'studio', systemType: '', sourceAddr: 'Studio', tls: false, windowSize: 10, maxMessagesPerSecond: 30 },
  };
}

async function office(): Promise<Core> {
  return createCore({ dataDir: join(await tempDir(), 'data'), log: silentLogger, secrets: new MemorySecretStore({}) });
}

describe('SMS channel on a real SMSC (Net::SMPP on loopback)', () => {
  it('"Test connection" binds with the typed settings without saving them', async () => {
    const core = await office();
    try {
      const ok = await core.api['sms.channel.test']({ config: smppConfig(smsc.port), smppPassword: 'giusta' });
      expect(ok.status).toMatchObject({ kind: 'smpp', healthy: true, state: 'up' });
      expect(ok.status.detail).toBe(`Bound to 127.0.0.1:${smsc.port} as studio`);
      const wrong = await core.api['sms.channel.test']({ config: smppConfig(smsc.port), smppPassword: 'sbagliata' });
      expect(wrong.status).toMatchObject({ healthy: false, state: 'down' });
      expect(`${wrong.status.detail} ${wrong.status.lastError ?? ''}`).toContain('ESME_RINVPASWD');
      expect(JSON.stringify(wrong)).not.toContain('sbagliata');
      // Nothing was saved: the office is still on the simulator.
      expect((await core.api['sms.channel.get']({})).config.kind).toBe('simulator');
    } finally {
      await core.dispose();
    }
  });

  it('once saved, the channel binds and a test SMS reaches the SMSC with data_coding 0', async () => {
    const core = await office();
    try {
      await core.api['sms.channel.update']({ config: smppConfig(smsc.port), smppPassword: 'giusta' });
      expect((await waitForLink(core.sms, 10_000)).state).toBe('up');
      const sent = await core.api['sms.test.send']({ to: '+393331234567', text: 'Prova da Promemoria €' });
      expect(sent.references).toHaveLength(1);
      const stats = await smsc.waitFor((s) => s.submits.some((submit) => submit.message_id === sent.references[0]));
      const submit = stats.submits.find((s) => s.message_id === sent.references[0]);
      expect(submit).toMatchObject({ destination_addr: '393331234567', data_coding: 0, source_addr: 'Studio' });
      expect(submit?.short_message).toContain('1b65'); // € as the GSM-7 escape pair
    } finally {
      await core.dispose();
    }
  });
});

describe('SMS channel lifecycle', () => {
  it('two settings saves at once leave exactly one bound session, and dispose leaves none', async () => {
    const core = await office();
    const before = (await smsc.stats()).binds;
    await Promise.all([
      core.api['sms.channel.update']({ config: smppConfig(smsc.port), smppPassword: 'giusta' }),
      core.api['sms.channel.update']({ config: smppConfig(smsc.port), smppPassword: 'giusta' }),
    ]);
    expect((await waitForLink(core.sms, 10_000)).state).toBe('up');
    await core.dispose();
    const stats = await smsc.waitFor((s) => !s.connected);
    // Each save binds once; the first session was unbound by the second save, the second by dispose.
    expect(stats.binds - before).toBe(2);
    expect(stats.unbinds).toBeGreaterThanOrEqual(2);
  });

  it('a CLI command that sends nothing (backup) never binds the office SMPP account', async () => {
    const core = await office();
    await core.api['sms.channel.update']({ config: smppConfig(smsc.port), smppPassword: 'giusta' });
    await waitForLink(core.sms, 10_000);
    await core.dispose();
    await smsc.waitFor((s) => !s.connected);
    const before = (await smsc.stats()).connections;
    const result = await runEntry('src-main/cli/main.ts', ['--data-dir', core.dataDir, 'backup', '--out', join(core.dataDir, 'copy.sqlite')], {
      PROMEMORIA_SMPP_PASSWORD: 'giusta',
    });
    expect(result.code).toBe(0);
    expect((await smsc.stats()).connections).toBe(before);
  });
});
