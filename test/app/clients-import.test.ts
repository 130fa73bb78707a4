import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type Core } from '../../src-main/app/create-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { invokeMethod } from '../../src-main/app/invoke';
import { silentLogger } from '../../src-main/app/logger';
import type { MethodInput, MethodOutput } from '../../src-main/contract/methods';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { tempDir } from '../support/temp-dir';

async function openCore(): Promise<Core> {
  const core = await createCore({ dataDir: join(await tempDir(), 'data'), log: silentLogger, systemTimeZone: 'Europe/Rome' });
  onTestFinished(() => core.dispose());
  return core;
}

const base64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');

async function run(core: Core, content: string, options: Omit<MethodInput<'clients.import.run'>, 'content'> = {}) {
  const result = await invokeMethod(core.api, 'clients.import.run', { content, ...options }, silentLogger);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as MethodOutput<'clients.import.run'>;
}

async function lastNames(core: Core): Promise<string[]> {
  return (await core.api['clients.list']({ query: '', limit: 500, offset: 0 })).items.map((c) => `${c.lastName} ${c.firstName}`.trim());
}

/** An Italian Excel export: ";" separated, a quoted note over two lines, and bad rows. Line numbers in the comments. */
const FILE = [
  'Cognome;Nome;Cellulare;E-mail;Lingua;Note', //          1
  'Rossi;Mario;333 123 4567;mario@example.it;it;', //      2
  'Bianchi;Anna;06 1234 5678;;;', //                       3  landline
  'Verdi;Giuseppe;;;;"Preferisce il mattino;', //          4  a note over two lines
  'chiamare prima"', //                                    5
  ';Luca;347 111 2222;;;', //                              6  no last name
  '', //                                                   7
  'Neri;Paola;+39 348 765 4321;paola@;;', //               8  bad e-mail
  'Russo;Marco;3331234567;;;', //                          9  same mobile as line 2
  'Gallo;Sara;349 000 1111;;tedesco;', //                  10 unknown language
].join('\r\n');

describe('CSV import against a real database', () => {
  it('previews the encoding, delimiter, recognised columns and first rows, writing nothing', async () => {
    const core = await openCore();
    const preview = await core.api['clients.import.preview']({ content: base64(FILE) });
    expect(preview).toMatchObject({ encoding: 'utf-8', delimiter: ';', headerLine: 1, records: 7 });
    expect(preview.columns.map((c) => c.field)).toEqual(['lastName', 'firstName', 'mobile', 'email', 'language', 'notes']);
    expect(preview.sample[2]).toEqual({ line: 4, values: ['Verdi', 'Giuseppe', '', '', '', 'Preferisce il mattino;\r\nchiamare prima'] });
    expect(await lastNames(core)).toEqual([]);
  });

  it('imports the good rows and reports each rejected one with its physical line and reason', async () => {
    const core = await openCore();
    const report = await run(core, base64(FILE));
    expect(report).toMatchObject({ records: 7, created: 2, updated: 0, committed: true, dryRun: false, warnings: [] });
    expect(report.rejected.map((issue) => [issue.line, issue.reason])).toEqual([
      [3, 'bad_phone'], [6, 'missing_name'], [8, 'bad_email'], [10, 'bad_language'],
    ]);
    expect(report.rejected[0]).toMatchObject({ phoneProblem: 'not_mobile', value: '06 1234 5678', message: '"06 1234 5678" is a landline number: it cannot receive SMS reminders' });
    expect(report.skipped).toEqual([{ line: 9, reason: 'duplicate', otherLine: 2, message: 'same mobile as line 2: left as it is' }]);
    expect(await lastNames(core)).toEqual(['Rossi Mario', 'Verdi Giuseppe']);
    const verdi = (await core.api['clients.list']({ query: 'verdi', limit: 1, offset: 0 })).items[0];
    expect((await core.api['clients.get']({ id: verdi?.id ?? 0 })).client.notes).toBe('Preferisce il mattino;\r\nchiamare prima');
  });

  it('all-or-nothing: one rejected row and nothing is written; without rejections everything is', async () => {
    const core = await openCore();
    const refused = await run(core, base64(FILE), { allOrNothing: true });
    expect(refused).toMatchObject({ created: 2, committed: false });
    expect(refused.rejected).toHaveLength(4);
    expect(await lastNames(core)).toEqual([]);

    const clean = await run(core, base64('Cognome,Nome\nRossi,Mario\nBianchi,Anna\n'), { allOrNothing: true });
    expect(clean).toMatchObject({ created: 2, committed: true, rejected: [] });
    expect(await lastNames(core)).toEqual(['Bianchi Anna', 'Rossi Mario']);
  });

  it('dry run: the same report, nothing written', async () => {
    const core = await openCore();
    const dry = await run(core, base64(FILE), { dryRun: true });
    const real = await run(core, base64(FILE));
    expect({ ...dry, dryRun: true, committed: true }).toEqual({ ...real, dryRun: true, committed: true });
    expect(dry.committed).toBe(false);
    expect(await lastNames(core)).toEqual(['Rossi Mario', 'Verdi Giuseppe']);
  });

  it('duplicates: skip, import anyway, or update the existing client with the values the file has', async () => {
    const core = await openCore();
    const existing = await core.api['clients.create']({ firstName: 'Mario', lastName: 'Rossi', mobile: '3331234567', email: 'old@example.it', notes: 'keep', allowDuplicate: false });
    const file = base64('Cognome;Nome;Cellulare;Email\nRossi;Mario Luigi;+39 333 123 4567;\n');

    expect(await run(core, file)).toMatchObject({ created: 0, skipped: [{ line: 2, message: 'same mobile as a client already in the list: left as it is' }] });
    expect(await run(core, file, { duplicates: 'update' })).toMatchObject({ created: 0, updated: 1 });
    const detail = await core.api['clients.get']({ id: existing.id });
    // The empty e-mail cell and the missing notes column leave the stored values alone.
    expect(detail.client).toMatchObject({ firstName: 'Mario Luigi', email: 'old@example.it', notes: 'keep' });
    expect(await run(core, file, { duplicates: 'update' })).toMatchObject({ updated: 0, skipped: [{ message: expect.stringMatching(/nothing to change/) }] });
    expect(await run(core, file, { duplicates: 'import' })).toMatchObject({ created: 1 });
    expect(await run(core, file, { duplicates: 'update' })).toMatchObject({ rejected: [{ line: 2, reason: 'ambiguous_duplicate' }] });
  });

  it('reads an Italian Excel file in Windows-1252, and can keep clients whose mobile is bad', async () => {
    const core = await openCore();
    const bytes = Buffer.from('Cognome;Nome;Telefono\r\nD\x92Angelo;Nicol\xf2;06 1234 5678\r\nForl\xec;Ann\xe0;333 999 8888\r\n', 'latin1');
    const report = await run(core, base64(bytes), { phoneProblems: 'importWithout' });
    expect(report).toMatchObject({ encoding: 'windows-1252', created: 2, rejected: [] });
    expect(report.warnings).toEqual([expect.objectContaining({ line: 2, reason: 'bad_phone', phoneProblem: 'not_mobile' })]);
    expect(await lastNames(core)).toEqual(['D’Angelo Nicolò', 'Forlì Annà']);
  });

  it('reports progress to the window that asked, and audits the import with counts only', async () => {
    const core = await openCore();
    const rows = Array.from({ length: 1200 }, (_, i) => `Cliente${i};Test`).join('\n');
    const seen: { processed: number; total: number }[] = [];
    core.events.subscribe((event) => {
      if (event.event === 'clients.import.progress' && event.payload.importId === 'abc') seen.push(event.payload);
    });
    await run(core, base64(`Cognome;Nome\n${rows}`), { importId: 'abc' });
    expect(seen.map((p) => p.processed)).toEqual([0, 500, 1000, 1200, 1200]);
    expect(seen.every((p) => p.total === 1200)).toBe(true);
    expect((await core.api['office.summary']({})).clients).toBe(1200);
    const db = await SqliteConnection.open(databasePathIn(core.dataDir), 'readonly');
    onTestFinished(() => db.close());
    expect(await db.all("SELECT detail FROM audit_log WHERE action = 'clients.import'")).toEqual([
      { detail: 'created 1200, updated 0, skipped 0, rejected 0' },
    ]);
    expect(await db.get("SELECT count(*) AS n FROM audit_log WHERE action = 'client.create' AND detail = 'import'")).toEqual({ n: 1200 });
  });

  it.each([
    ['an empty file', '', /the file is empty/],
    ['an Excel workbook', base64(Buffer.from('PK\x03\x04rest', 'latin1')), /Excel workbook/],
    ['a file without a last-name column', base64('Nome;Email\nMario;x@y.it\n'), /no column is the last name/],
  ])('refuses %s with VALIDATION and writes nothing', async (_what, content, message) => {
    const core = await openCore();
    const result = await invokeMethod(core.api, 'clients.import.run', { content }, silentLogger);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(result.ok ? '' : result.error.message).toMatch(message);
    expect(await lastNames(core)).toEqual([]);
  });

  it('takes a mapping from the wizard instead of the headers', async () => {
    const core = await openCore();
    const content = base64('A;B;C\nRossi;Mario;333 123 4567\n');
    expect(await invokeMethod(core.api, 'clients.import.run', { content, mapping: ['lastName', 'lastName', null] }, silentLogger)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'mapping' },
    });
    expect(await run(core, content, { mapping: ['lastName', 'firstName', 'mobile'] })).toMatchObject({ created: 1 });
    expect((await core.api['clients.list']({ query: '333', limit: 5, offset: 0 })).items).toMatchObject([{ firstName: 'Mario', lastName: 'Rossi' }]);
  });
});
