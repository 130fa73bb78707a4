import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickCheck } from '../../src-main/db/backup';
import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';
import { runEntry } from '../support/run-entry';
import { tempDir } from '../support/temp-dir';

const cli = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => runEntry('src-main/cli/main.ts', args, env);

describe('CLI', () => {
  it('doctor reports a healthy new store and exits 0', async () => {
    const dir = await tempDir();
    const result = await cli(['--data-dir', dir, 'doctor']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Database:        ${join(dir, 'promemoria.sqlite')}`);
    expect(result.stdout).toMatch(new RegExp(`Schema version: +${LATEST_SCHEMA_VERSION} \\(current\\)`));
    expect(result.stdout).toMatch(/Integrity: +ok/);
    expect(result.stdout).toMatch(/SMS channel: +simulator: .*no SMS leaves this computer/);
    expect(result.stdout).toMatch(/^Healthy\.$/m);
  });

  it('doctor finds the data folder through PROMEMORIA_DATA_DIR', async () => {
    const dir = await tempDir();
    const result = await cli(['doctor'], { PROMEMORIA_DATA_DIR: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Data folder:     ${dir}`);
  });

  it('doctor explains a damaged database, exits 1 and leaves the file alone', async () => {
    const dir = await tempDir();
    const path = join(dir, 'promemoria.sqlite');
    await writeFile(path, 'this is not a database at all, just some text that got saved here');
    const before = await readFile(path);
    const result = await cli(['--data-dir', dir, 'doctor']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a Promemoria database');
    expect(result.stderr).toContain('Nothing was changed');
    expect(result.stderr).not.toMatch(/\s+at .*\.ts:\d+/); // no stack trace for the receptionist
    expect((await readFile(path)).equals(before)).toBe(true);
  });

  it('backup --out writes a checked copy, and will not overwrite without --force', async () => {
    const dir = await tempDir();
    const out = join(dir, 'copy.sqlite');
    const first = await cli(['--data-dir', dir, 'backup', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Backup written: .*copy\.sqlite \(\d+ KB, integrity ok\)/);
    expect(await quickCheck(out)).toBe('ok');

    const again = await cli(['--data-dir', dir, 'backup', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('--force');
    const forced = await cli(['--data-dir', dir, 'backup', '--out', out, '--force']);
    expect(forced.code).toBe(0);
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['doctor', '--bogus'], /Unknown option '--bogus'/],
    [['doctor', '--out', 'x.sqlite'], /"doctor" does not take --out/],
    [['backup'], /backup needs --out FILE/],
    [[], /No command given/],
  ])('%j gets the usage and exit code 2', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage: npm run cli --');
  });
});
