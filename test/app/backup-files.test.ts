import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { automaticBackupName, folderProblem, listFolder, planRotation, rotate } from '../../src-main/app/backup-files';
import { tempDir } from '../support/temp-dir';

const DAY = 86_400_000;
const at = (month: number, day: number, hour = 12) => Date.UTC(2026, month - 1, day, hour);

describe('the backup rotation rule', () => {
  it('keeps the newest copy of each of the 7 latest days and of each of the 4 latest ISO weeks, and nothing else', () => {
    // One copy a day at noon from 1 October to 24 November 2026 (Tuesday), plus an extra one on 24 November.
    const copies: { at: number; name: string }[] = [];
    for (let t = at(10, 1); t <= at(11, 24); t += DAY) copies.push({ at: t, name: new Date(t).toISOString().slice(0, 10) });
    copies.push({ at: at(11, 24, 18), name: '2026-11-24-evening' });
    const { daily, weekly, remove } = planRotation(copies);
    expect(daily.map((c) => c.name)).toEqual([
      '2026-11-24-evening',
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
    ]);
    // ISO weeks: W48 (23–29 Nov) and W47 (16–22 Nov) are kept by daily copies; W46 and W45 add their Sundays.
    expect(weekly.map((c) => c.name)).toEqual(['2026-11-15', '2026-11-08']);
    expect(remove).toHaveLength(copies.length - 9);
    expect(remove.map((c) => c.name)).toContain('2026-11-24');
    expect(remove.map((c) => c.name)).toContain('2026-11-17');
  });

  it('counts days that have a copy, so a PC that was off for weeks keeps its last copies', () => {
    const old = [at(8, 1), at(8, 2), at(8, 3)].map((t) => ({ at: t }));
    expect(planRotation(old).remove).toEqual([]);
  });

  it('deletes only automatic copies in the folder; manual, before-upgrade and before-restore copies stay', async () => {
    const dir = await tempDir();
    for (let i = 0; i < 40; i++) await writeFile(join(dir, automaticBackupName(at(11, 24) - i * DAY)), 'x');
    const others = ['promemoria-manual-2026-01-01T10-00-00-000Z.sqlite', 'before-upgrade-v3-to-v4-2025-01-01T10-00-00-000Z.sqlite', 'before-restore-2025-02-01T10-00-00-000Z.sqlite', 'my-notes.txt'];
    for (const name of others) await writeFile(join(dir, name), 'x');
    // Kept: 18–24 November (daily; ISO weeks 47 and 48) and the Sundays 15 and 8 November (weeks 46 and 45).
    expect(await rotate(dir)).toBe(40 - 9);
    const left = await readdir(dir);
    for (const name of others) expect(left).toContain(name);
    const listed = await listFolder(dir, 'data');
    expect(listed.filter((f) => f.kind === 'daily')).toHaveLength(7);
    expect(listed.filter((f) => f.kind === 'weekly').map((f) => f.file)).toEqual([automaticBackupName(at(11, 15)), automaticBackupName(at(11, 8))]);
    expect(listed.map((f) => f.kind).sort()).toEqual(expect.arrayContaining(['manual', 'before-upgrade', 'before-restore']));
  });
});

describe('the backups folder check', () => {
  it('accepts a writable folder (creating it) and refuses a relative path or a file', async () => {
    const dir = await tempDir();
    expect(await folderProblem(join(dir, 'usb', 'Backup'))).toBeUndefined();
    expect(await folderProblem('Backup')).toMatch(/full folder path/);
    await writeFile(join(dir, 'a-file'), 'x');
    expect(await folderProblem(join(dir, 'a-file'))).toMatch(/cannot write to this folder/);
  });
});
