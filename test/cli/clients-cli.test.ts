import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEntry } from '../support/run-entry';
import { tempDir } from '../support/temp-dir';

const cli = (args: readonly string[]) => runEntry('src-main/cli/main.ts', args);

async function csvFile(dir: string, name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('CLI: import clients / export clients', () => {
  it('exits 0 when every row is imported, and the export reads back', async () => {
    const dir = await tempDir();
    const file = await csvFile(dir, 'ok.csv', '\uFEFFCognome;Nome;Cellulare\r\nRossi;Mario;333 123 4567\r\nBianchi;Anna;\r\n');
    const result = await cli(['--data-dir', dir, 'import', 'clients', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Imported ${file}: 2 rows, UTF-8, fields separated by semicolons.`);
    expect(result.stdout).toContain('New clients created: 2');

    const out = join(dir, 'export.csv');
    const exported = await cli(['--data-dir', dir, 'export', 'clients', '--out', out]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`Exported 2 clients to ${out}`);
    expect(await readFile(out, 'utf8')).toBe('\uFEFFCognome;Nome;Cellulare;Email;Lingua;Note;No SMS\r\nBianchi;Anna;;;it;;\r\nRossi;Mario;333 123 4567;;it;;\r\n');
    expect((await cli(['--data-dir', dir, 'export', 'clients', '--out', out])).code).toBe(1);
    expect((await cli(['--data-dir', dir, 'export', 'clients', '--out', out, '--force'])).code).toBe(0);
  });

  it('exits 1 when rows are rejected, listing each with its line and reason', async () => {
    const dir = await tempDir();
    const file = await csvFile(dir, 'bad.csv', 'Cognome,Nome,Cellulare\nRossi,Mario,333 123 4567\nBianchi,Anna,06 1234 5678\n,Luca,\n');
    const result = await cli(['--data-dir', dir, 'import', 'clients', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  Rejected: 2\n    line 3: "06 1234 5678" is a landline number: it cannot receive SMS reminders\n    line 4: no last name\n');
    expect(result.stdout).toContain('New clients created: 1');
  });

  it('--all-or-nothing and --dry-run write nothing', async () => {
    const dir = await tempDir();
    const file = await csvFile(dir, 'bad.csv', 'Cognome,Nome,Cellulare\nRossi,Mario,333 123 4567\nBianchi,Anna,06 1234 5678\n');
    const refused = await cli(['--data-dir', dir, 'import', 'clients', file, '--all-or-nothing']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('New clients would be created: 1');
    expect(refused.stdout).toContain('Nothing was written: --all-or-nothing and 1 rows rejected.');
    const dry = await cli(['--data-dir', dir, 'import', 'clients', file, '--dry-run', '--bad-phones', 'keep']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Imported without the mobile: 1\n    line 3:');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    const out = join(dir, 'export.csv');
    await cli(['--data-dir', dir, 'export', 'clients', '--out', out]);
    expect((await readFile(out, 'utf8')).split('\r\n')).toHaveLength(2); // the header and the final line end
  });

  it.each([
    ['a missing file', (dir: string) => ['import', 'clients', join(dir, 'nope.csv')], /Cannot read/],
    ['an Excel workbook', (dir: string) => ['import', 'clients', join(dir, 'book.xlsx')], /Excel workbook/],
    ['a file without a last-name column', (dir: string) => ['import', 'clients', join(dir, 'nolast.csv')], /no column is the last name/],
  ])('exits 2 on %s', async (_what, args, message) => {
    const dir = await tempDir();
    await csvFile(dir, 'book.xlsx', Buffer.from('PK\x03\x04\x14\x00', 'latin1'));
    await csvFile(dir, 'nolast.csv', 'Nome;Email\nMario;m@x.it\n');
    const result = await cli(['--data-dir', dir, ...args(dir)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(message);
  });

  it.each([
    [['import', 'clients'], /import clients needs a FILE/],
    [['import', 'patients', 'x.csv'], /import takes what to import/],
    [['import', 'clients', 'x.csv', '--duplicates', 'merge'], /--duplicates must be one of skip, import, update/],
    [['export', 'clients'], /export clients needs --out FILE/],
    [['import', 'clients', 'x.csv', '--out', 'y'], /"import" does not take --out/],
  ])('%j gets the usage and exit code 2', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
