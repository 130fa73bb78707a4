import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { silentLogger } from '../../src-main/app/logger';
import { ModemSimulator } from '../peers/modem-simulator/modem-simulator';
import { startPtyPair } from '../peers/modem-simulator/pty-pair';
import { runEntry } from '../support/run-entry';
import { tempDir } from '../support/temp-dir';

/** An office whose channel is a GSM modem on `port`, set up through the API as the settings screen would. */
async function officeWithModem(port: string): Promise<string> {
  const dataDir = join(await tempDir(), 'data');
  const core = await createCore({ dataDir, log: silentLogger });
  await core.api['sms.channel.update']({ config: { kind: 'modem', simulator: { behaviour: 'deliver' }, modem: { port, baudRate: 115200 }, smpp: null } });
  await core.dispose();
  return dataDir;
}

describe('CLI doctor with a GSM modem', () => {
  it('reports make, model, registration, operator and signal of a modem on a real pseudo-terminal', async () => {
    const dir = await tempDir();
    const pty = await startPtyPair(dir);
    const sim = await ModemSimulator.start(pty, { operator: 'I TIM', manufacturer: 'Quectel', model: 'EC25' });
    try {
      const dataDir = await officeWithModem(pty.clientPath);
      const result = await runEntry('src-main/cli/main.ts', ['--data-dir', dataDir, 'doctor']);
      expect(result.stdout).toMatch(/SMS channel: +modem: /);
      expect(result.stdout).toMatch(/Modem: +Quectel EC25/);
      expect(result.stdout).toMatch(/Registration: +home/);
      expect(result.stdout).toMatch(/Operator: +I TIM/);
      expect(result.stdout).toMatch(/Signal: +\d\/5/);
      expect(result.code).toBe(0);
    } finally {
      await sim.stop();
      await pty.stop();
    }
  });

  it('exits 1 and says why when the modem port does not exist', async () => {
    const dataDir = await officeWithModem('/dev/promemoria-no-such-modem');
    const result = await runEntry('src-main/cli/main.ts', ['--data-dir', dataDir, 'doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/SMS channel: +modem \(NOT WORKING\)/);
    expect(result.stdout).toMatch(/Not healthy: SMS channel: /);
  });
});
