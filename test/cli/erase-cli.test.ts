import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../src-main/app/create-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { apiCall } from '../support/api-call';
import { silentLogger } from '../../src-main/app/logger';
import { eraseCommand } from '../../src-main/cli/commands/erase';
import { commands } from '../../src-main/cli/commands';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { runEntry } from '../support/run-entry';
import { tempDir } from '../support/temp-dir';

const cli = (args: readonly string[]) => runEntry('src-main/cli/main.ts', args);

/** A data folder with Mario (a message, a reply, a past appointment) and Anna under a legal hold. */
async function office(dataDir: string): Promise<{ mario: number; anna: number }> {
  const core = await createCore({ dataDir, log: silentLogger, systemTimeZone: 'Europe/Rome', startSms: false });
  try {
    const mario = await apiCall(core, 'clients.create', { firstName: 'Mario', lastName: 'Rossi', mobile: '333 111 2222' });
    const anna = await apiCall(core, 'clients.create', { firstName: 'Anna', lastName: 'Bianchi', mobile: '333 555 6666' });
    const start = Date.now() - 86_400_000;
    await apiCall(core, 'appointments.create', { clientId: mario.id, staffId: null, roomId: null, start, end: start + 1800_000, notes: 'Mario: controllo' });
    await apiCall(core, 'privacy.hold.set', { clientId: anna.id, until: '2099-12-31', reason: 'cartella clinica: 10 anni' });
    const sql = await SqliteConnection.open(databasePathIn(dataDir), 'readwrite-create');
    await sql.run(
      `INSERT INTO messages (client_id, kind, to_phone, body, encoding, segments, state, due_at, next_attempt_at, created_at, updated_at)
       VALUES (?, 'manual', '+393331112222', 'Gentile Mario', 'gsm7', 1, 'delivered', 0, 0, 0, 0)`,
      [mario.id],
    );
    await sql.run(`INSERT INTO inbound_messages (from_phone, body, received_at, transport, client_id) VALUES ('+393331112222', 'Sì', 0, 'simulator', ?)`, [mario.id]);
    await sql.close();
    return { mario: mario.id, anna: anna.id };
  } finally {
    await core.dispose();
  }
}

describe('CLI: erase --client ID --reason TEXT', () => {
  it('checks its usage', () => {
    expect(eraseCommand.checkUsage({ client: '3', reason: 'Richiesta Art. 17' }, [])).toBeUndefined();
    expect(eraseCommand.checkUsage({ reason: 'Richiesta' }, [])).toMatch(/needs --client ID/);
    expect(eraseCommand.checkUsage({ client: 'Rossi', reason: 'Richiesta' }, [])).toMatch(/needs --client ID/);
    expect(eraseCommand.checkUsage({ client: '3' }, [])).toMatch(/needs --reason TEXT/);
    expect(eraseCommand.checkUsage({ client: '3', reason: '  ' }, [])).toMatch(/needs --reason TEXT/);
    expect(eraseCommand.checkUsage({ client: '3', reason: 'x' }, ['now'])).toMatch(/Unexpected argument "now"/);
  });

  it('erases and prints what was removed (counts only); refuses under a legal hold with its reason and date, exit 1', async () => {
    const dataDir = join(await tempDir(), 'data');
    const { mario, anna } = await office(dataDir);
    const core = await createCore({ dataDir, log: silentLogger, systemTimeZone: 'Europe/Rome', startSms: false });
    onTestFinished(() => core.dispose());
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);

    expect(await eraseCommand.run({ core, values: { client: String(mario), reason: 'Richiesta Art. 17' }, args: [], print })).toBe(0);
    expect(lines).toEqual([
      `Client ${mario} erased.`,
      '  Removed: name, mobile, e-mail and notes',
      '  Messages deleted: 1',
      '  Replies deleted: 1',
      '  Future appointments deleted: 0',
      '  Past appointments kept without name or notes: 1',
      '  Consent records kept (no name or number in them): 0',
      '  Consent evidence files deleted: 0',
      '  Database file rewritten: no old copy of the data is left in it.',
    ]);
    expect(lines.join('\n')).not.toMatch(/Rossi|Mario|333/);

    lines.length = 0;
    expect(await eraseCommand.run({ core, values: { client: String(anna), reason: 'Richiesta Art. 17' }, args: [], print })).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^Not erased: Legal hold until 2099-12-31 \("cartella clinica: 10 anni"\)/)]);

    lines.length = 0;
    expect(await eraseCommand.run({ core, values: { client: '999', reason: 'Richiesta Art. 17' }, args: [], print })).toBe(1);
    expect(lines).toEqual(['Not erased: No client with id 999']);
  });

  // Runs once the command is listed in src-main/cli/commands/index.ts.
  it.runIf(commands.includes(eraseCommand))('as its own process: exit 0 and the report, exit 1 under a hold, exit 2 on bad usage', async () => {
    const dataDir = join(await tempDir(), 'data');
    const { mario, anna } = await office(dataDir);
    const erased = await cli(['--data-dir', dataDir, 'erase', '--client', String(mario), '--reason', 'Richiesta Art. 17']);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toContain(`Client ${mario} erased.\n`);
    expect(erased.stdout).toContain('  Messages deleted: 1\n');
    const held = await cli(['--data-dir', dataDir, 'erase', '--client', String(anna), '--reason', 'Richiesta Art. 17']);
    expect(held.code).toBe(1);
    expect(held.stdout).toContain('Legal hold until 2099-12-31');
    expect((await cli(['--data-dir', dataDir, 'erase', '--client', String(anna)])).code).toBe(2);
  });
});
