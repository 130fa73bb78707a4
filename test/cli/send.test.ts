import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { silentLogger } from '../../src-main/app/logger';
import { runEntry } from '../support/run-entry';
import { tempDir } from '../support/temp-dir';

const cli = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => runEntry('src-main/cli/main.ts', args, env);

async function officeWithSimulator(behaviour: 'deliver' | 'undeliverable' | 'reject' | 'link-down'): Promise<string> {
  const dataDir = join(await tempDir(), 'data');
  const core = await createCore({ dataDir, log: silentLogger });
  await core.api['sms.channel.update']({ config: { kind: 'simulator', simulator: { behaviour }, modem: null, smpp: null } });
  await core.dispose();
  return dataDir;
}

describe('CLI send', () => {
  it('sends through the configured channel and waits for the delivery report (exit 0)', async () => {
    const dataDir = await officeWithSimulator('deliver');
    const result = await cli(['--data-dir', dataDir, 'send', '--to', '+393331234567', '--text', 'x'.repeat(200), '--wait-delivery', '10']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Part 1\/2 submitted: reference \S+$/m);
    expect(result.stdout).toMatch(/^Part 2\/2 submitted: reference \S+$/m);
    expect(result.stdout.match(/: delivered \(DELIVRD\)/g)).toHaveLength(2);
  });

  it('exits 1 with the reason when the message is refused or not delivered', async () => {
    const rejected = await cli(['--data-dir', await officeWithSimulator('reject'), 'send', '--to', '+393331234567', '--text', 'Ciao']);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/Not sent: .*SIMULATED_REJECT/);
    const undelivered = await cli(['--data-dir', await officeWithSimulator('undeliverable'), 'send', '--to', '+393331234567', '--text', 'Ciao', '--wait-delivery', '10']);
    expect(undelivered.code).toBe(1);
    expect(undelivered.stdout).toMatch(/failed \(UNDELIV\)/);
    const down = await cli(['--data-dir', await officeWithSimulator('link-down'), 'send', '--to', '+393331234567', '--text', 'Ciao']);
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/not connected/);
  });

  it('says at once that an SMPP account without a password is not set up (exit 1)', async () => {
    const dataDir = join(await tempDir(), 'data');
    const core = await createCore({ dataDir, log: silentLogger });
    await core.api['sms.channel.update']({
      config: { kind: 'smpp', simulator: { behaviour: 'deliver' }, modem: null, smpp: { host: '127.0.0.1', port: 1, systemId: 'x', systemType: '', sourceAddr: '', tls: false, windowSize: 10, maxMessagesPerSecond: 30 } },
    });
    await core.dispose();
    // Must not wait out the 30 s connect time (the test's own 20 s timeout would fail it).
    const result = await cli(['--data-dir', dataDir, 'send', '--to', '+393331234567', '--text', 'Ciao'], { PROMEMORIA_SMPP_PASSWORD: '' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/not connected .*password/);
  });

  it('with --transport modem on a port that does not exist, says so and exits 1', async () => {
    const result = await cli(['--data-dir', await tempDir(), 'send', '--transport', 'modem', '--port', '/dev/promemoria-no-such-port', '--to', '+393331234567', '--text', 'Ciao']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('not connected');
  });

  it.each([
    [['send', '--text', 'Ciao'], /needs --to NUMBER/],
    [['send', '--to', '3331234567', '--text', 'Ciao'], /international form/],
    [['send', '--to', '+393331234567'], /needs --text/],
    [['send', '--to', '+393331234567', '--text', 'x', '--transport', 'pigeon'], /--transport must be one of/],
    [['send', '--to', '+393331234567', '--text', 'x', '--transport', 'smpp', '--host', 'h', '--port', '2775', '--system-id', 'id'], /password is missing/],
    [['send', '--to', '+393331234567', '--text', 'x', '--wait-delivery', 'soon'], /--wait-delivery takes a number/],
    [['send', '--to', '+393331234567', '--text', 'x', '--transport', 'modem', '--port', '/dev/x', '--pin', '12"\rAT+CMGD=1,4'], /SIM PIN must be 4 to 8 digits/],
  ])('%j is bad usage (exit 2)', async (args, message) => {
    const result = await cli(args, { PROMEMORIA_SMPP_PASSWORD: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
