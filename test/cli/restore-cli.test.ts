import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchLockPathIn } from '../../src-main/app/dispatch-lock';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { runEntry } from '../support/run-entry';
import { tempDir } from '../support/temp-dir';

const cli = (args: readonly string[]) => runEntry('src-main/cli/main.ts', args);

async function clientNames(path: string): Promise<string[]> {
  const connection = await SqliteConnection.open(path, 'readonly');
  try {
    return (await connection.all<{ first_name: string }>('SELECT first_name FROM clients ORDER BY id')).map((row) => row.first_name);
  } finally {
    await connection.close();
  }
}

async function addClient(dir: string, name: string): Promise<void> {
  const connection = await SqliteConnection.open(join(dir, 'promemoria.sqlite'), 'readwrite-create');
  await connection.run(`INSERT INTO clients (first_name, last_name, created_at, updated_at) VALUES (?, 'Rossi', 0, 0)`, [name]);
  await connection.close();
}

describe('cli restore', () => {
  it('replaces the database with a good backup and keeps the current one as before-restore', async () => {
    const dir = await tempDir();
    expect((await cli(['--data-dir', dir, 'doctor'])).code).toBe(0);
    await addClient(dir, 'Anna');
    const copy = join(await tempDir(), 'monday.sqlite');
    expect((await cli(['--data-dir', dir, 'backup', '--out', copy])).code).toBe(0);
    await addClient(dir, 'Bruno');

    const result = await cli(['--data-dir', dir, 'restore', copy]);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Restored from ${copy}`);
    expect(await clientNames(join(dir, 'promemoria.sqlite'))).toEqual(['Anna']);
    const kept = (await readdir(join(dir, 'backups'))).filter((name) => name.startsWith('before-restore-'));
    expect(kept).toHaveLength(1);
    expect(await clientNames(join(dir, 'backups', kept[0] ?? ''))).toEqual(['Anna', 'Bruno']);
    const doctor = await cli(['--data-dir', dir, 'doctor']);
    expect(doctor.stdout).toMatch(/^Healthy\.$/m);
  });

  it('refuses a file that is not a Promemoria backup with a readable message, leaving the database untouched', async () => {
    const dir = await tempDir();
    expect((await cli(['--data-dir', dir, 'doctor'])).code).toBe(0);
    const before = await readFile(join(dir, 'promemoria.sqlite'));
    const bogus = join(await tempDir(), 'notes.sqlite');
    await writeFile(bogus, 'just some text, not a database, that someone named .sqlite');
    const result = await cli(['--data-dir', dir, 'restore', bogus]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Restore not done: The file ${bogus} is not a Promemoria database.`);
    expect(result.stdout).toContain('The current database was not touched.');
    expect(result.stderr).not.toMatch(/\s+at .*\.ts:\d+/);
    expect((await readFile(join(dir, 'promemoria.sqlite'))).equals(before)).toBe(true);
  });

  it('refuses while another Promemoria holds the data folder', async () => {
    const dir = await tempDir();
    expect((await cli(['--data-dir', dir, 'doctor'])).code).toBe(0);
    const copy = join(await tempDir(), 'copy.sqlite');
    expect((await cli(['--data-dir', dir, 'backup', '--out', copy])).code).toBe(0);
    // This test process is alive: its lock is held.
    await writeFile(dispatchLockPathIn(dir), JSON.stringify({ pid: process.pid, host: hostname(), since: Date.now() }));
    const result = await cli(['--data-dir', dir, 'restore', copy]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Restore not done: Promemoria is running (process ${process.pid}`);
    expect(await readdir(join(dir, 'backups')).catch(() => [])).toEqual([]);
  });
});
