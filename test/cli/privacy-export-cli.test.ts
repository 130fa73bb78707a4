import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { databasePathIn } from '../../src-main/app/data-dir';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { openExportCore, seedExportOffice } from '../support/export-office';
import { runEntry } from '../support/run-entry';
import { tempDir } from '../support/temp-dir';

const cli = (args: readonly string[]) => runEntry('src-main/cli/main.ts', args);

/** A data folder with the export office in it, the core closed again so the CLI opens it alone. */
async function officeFolder(): Promise<{ dir: string; dataDir: string; nicolo: number }> {
  const dir = await tempDir();
  const dataDir = join(dir, 'data');
  const core = await openExportCore(dataDir);
  const { nicolo } = await seedExportOffice(core);
  await core.dispose();
  return { dir, dataDir, nicolo };
}

async function exportAudit(dataDir: string): Promise<string[]> {
  const db = await SqliteConnection.open(databasePathIn(dataDir), 'readonly');
  try {
    const rows = await db.all<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'privacy.export.%' ORDER BY id");
    return rows.map((row) => row.action);
  } finally {
    await db.close();
  }
}

function zipNames(bytes: Buffer): string[] {
  return Object.keys(unzipSync(new Uint8Array(bytes))).sort();
}

describe('CLI: export --client / export --all', () => {
  it('writes one client’s ZIP, refuses to overwrite it without --force, and audits only what was written', async () => {
    const { dir, dataDir, nicolo } = await officeFolder();
    const out = join(dir, 'nicolo.zip');
    const result = await cli(['--data-dir', dataDir, 'export', '--client', String(nicolo), '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Exported client ${nicolo} to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KB\\): 2 appointments, 2 messages, 2 replies, 3 consent records, 5 audit entries, 1 evidence file\\n`));
    expect(result.stdout).toContain('1 consent document could not be read; the README in the ZIP says which.');
    const names = zipNames(await readFile(out));
    expect(names).toEqual(expect.arrayContaining(['data.json', 'appointments.csv', 'messages.csv', 'replies.csv', 'consents.csv', 'appointments.ics', 'contact.vcf', 'LEGGIMI.txt', 'README.txt']));

    const again = await cli(['--data-dir', dataDir, 'export', '--client', String(nicolo), '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('it already exists: add --force to replace it');
    expect(await exportAudit(dataDir)).toEqual(['privacy.export.client']);

    const forced = await cli(['--data-dir', dataDir, 'export', '--client', String(nicolo), '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(await exportAudit(dataDir)).toEqual(['privacy.export.client', 'privacy.export.client']);
  });

  it('writes the whole office, and keeps "export clients" as it was', async () => {
    const { dir, dataDir } = await officeFolder();
    const out = join(dir, 'office.zip');
    await writeFile(out, 'an older export');
    expect((await cli(['--data-dir', dataDir, 'export', '--all', '--out', out])).code).toBe(1);
    expect(await readFile(out, 'utf8')).toBe('an older export');

    const result = await cli(['--data-dir', dataDir, 'export', '--all', '--out', out, '--force']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Exported the whole office to .*office\.zip \(\d+ KB\): 2 clients, 3 appointments, 3 messages, 3 replies, 4 consent records, 12 tables\n/);
    expect(zipNames(await readFile(out))).toEqual(expect.arrayContaining(['data.json', 'clients.csv', 'appointments.csv', 'consents.csv', 'audit_log.csv', 'LEGGIMI.txt']));
    expect(await exportAudit(dataDir)).toEqual(['privacy.export.office']);

    const csv = join(dir, 'clients.csv');
    const clients = await cli(['--data-dir', dataDir, 'export', 'clients', '--out', csv]);
    expect(clients.code).toBe(0);
    expect(clients.stdout).toContain(`Exported 2 clients to ${csv}`);
    expect((await readFile(csv, 'utf8')).startsWith('\uFEFFCognome;Nome;Cellulare')).toBe(true);
    expect((await cli(['--data-dir', dataDir, 'export', 'clients', '--out', csv])).code).toBe(1);
  });

  it('exits 1 naming the problem for a client that does not exist, writing nothing', async () => {
    const { dir, dataDir } = await officeFolder();
    const out = join(dir, 'nobody.zip');
    const result = await cli(['--data-dir', dataDir, 'export', '--client', '999', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Nothing exported: No client with id 999');
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
    expect(await exportAudit(dataDir)).toEqual([]);
  });

  it.each([
    [['export'], /export takes what to export/],
    [['export', '--client', '3'], /export --client ID needs --out FILE\.zip/],
    [['export', '--all'], /export --all needs --out FILE\.zip/],
    [['export', '--client', 'Rossi', '--out', 'x.zip'], /--client takes a client's id number/],
    [['export', '--client', '3', '--all', '--out', 'x.zip'], /either --client ID or --all, not both/],
    [['export', '--all', '--archived', '--out', 'x.zip'], /--archived is for "export clients" only/],
    [['export', 'clients', '--all', '--out', 'x.csv'], /export clients writes the client list/],
    [['export', 'patients', '--out', 'x.csv'], /Unexpected argument "patients"/],
  ])('%j gets the usage and exit code 2', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('export --client ID --out FILE.zip [--force]');
  });
});
