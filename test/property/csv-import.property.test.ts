/**
 * "Always a clear error, never a crash or a partial write" for the CSV import:
 * random files (delimiters, quotes, line breaks, BOMs, Windows-1252 and UTF-16
 * bytes, damaged bytes, very long cells) through the pure reader and through the
 * core API on a real SQLite file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/app/create-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { invokeMethod } from '../../src-main/app/invoke';
import type { Logger } from '../../src-main/app/logger';
import {
  duplicatePolicies,
  importFields,
  importIssueReasons,
  phoneProblemPolicies,
  type ImportIssue,
  type ImportPreview,
  type ImportReport,
} from '../../src-main/contract/clients-import-schemas';
import { NAME_MAX, NOTES_MAX } from '../../src-main/contract/clients-schemas';
import type { CallResult } from '../../src-main/contract/errors';
import { decodeBytes } from '../../src-main/domain/clients/csv-import/decode-bytes';
import { recognizeColumns } from '../../src-main/domain/clients/csv-import/header-mapping';
import { parseCsv } from '../../src-main/domain/clients/csv-import/parse-csv';
import { readCsvFile } from '../../src-main/domain/clients/csv-import/read-csv-file';
import { readRow, type RowContext } from '../../src-main/domain/clients/csv-import/read-row';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { csvBytes, csvLayout, csvSpec, encode } from './csv-arbitraries';
import { runs, scaledTimeout } from './runs';

const LINE_BREAK = /\r\n|\r|\n/g;

/** Physical lines of a decoded file, as the parser counts them (CRLF, LF or a lone CR each end one). */
function physicalLines(bytes: Uint8Array): number {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new Error(`a file that was read cannot be decoded: ${decoded.problem}`);
  return (decoded.text.match(LINE_BREAK) ?? []).length + 1;
}

function checkIssue(issue: ImportIssue, lines: number, headerLine: number): void {
  expect(Number.isInteger(issue.line)).toBe(true);
  expect(issue.line).toBeGreaterThan(headerLine);
  expect(issue.line).toBeLessThanOrEqual(lines);
  expect(importIssueReasons).toContain(issue.reason);
  expect(issue.message.trim().length).toBeGreaterThan(0);
}

const rowContext: fc.Arbitrary<Omit<RowContext, 'mapping'>> = fc.record({
  defaultRegion: fc.constantFrom('IT', 'GB', 'US', 'XX'),
  defaultLanguage: fc.constantFrom('it' as const, 'en' as const),
  phoneProblems: fc.constantFrom(...phoneProblemPolicies),
});

describe('reading random CSV bytes (pure)', () => {
  it('never throws: a file is read, or refused with a reason; every row is read, or rejected with its line and a reason', () => {
    fc.assert(
      fc.property(csvBytes, rowContext, (bytes, context) => {
        const read = readCsvFile(bytes);
        if (!read.ok) {
          expect(read.problem.trim().length).toBeGreaterThan(0);
          return;
        }
        const { file } = read;
        const lines = physicalLines(bytes);
        expect(file.headerLine).toBeGreaterThanOrEqual(1);
        expect(file.headerLine).toBeLessThanOrEqual(lines);
        let previous = file.headerLine;
        for (const record of file.records) {
          expect(record.line).toBeGreaterThan(previous);
          expect(record.line).toBeLessThanOrEqual(lines);
          previous = record.line;
        }
        const mapping = recognizeColumns(file.headers);
        for (const record of file.records) {
          const outcome = readRow(record, { ...context, mapping });
          if (!outcome.ok) {
            expect(outcome.issue.line).toBe(record.line);
            checkIssue(outcome.issue, lines, file.headerLine);
            continue;
          }
          const { fields } = outcome;
          expect(fields.lastName.length).toBeGreaterThan(0);
          expect(fields.lastName.length).toBeLessThanOrEqual(NAME_MAX);
          expect(fields.firstName.length).toBeLessThanOrEqual(NAME_MAX);
          expect(fields.notes.length).toBeLessThanOrEqual(NOTES_MAX);
          if (fields.mobile !== null) expect(fields.mobile).toMatch(/^\+[1-9]\d{6,14}$/);
          if (outcome.warning) expect(outcome.warning.line).toBe(record.line);
        }
      }),
      { numRuns: runs(400) },
    );
  });

  it('a well-formed file reads back cell for cell, each record on the line where it starts', () => {
    // Quoted as Excel quotes, one delimiter, text UTF-8 can carry (no lone surrogates, no NUL): the parser must give back exactly what was written.
    const carried = (value: string) => new TextDecoder().decode(new TextEncoder().encode(value)).replaceAll('\u0000', '');
    const wellFormed = csvSpec.map((spec) => ({
      ...spec,
      header: ['Cognome', ...spec.header.map(carried)],
      rows: spec.rows.map((row) => ({
        ...row,
        cells: row.cells.map(carried),
        delimiter: spec.delimiter,
        quoting: row.quoting.map(() => 'excel' as const),
      })),
    }));
    fc.assert(
      fc.property(wellFormed, (spec) => {
        const { text, rowStarts } = csvLayout(spec);
        // Each row's line, from the text itself: the line breaks before where it starts, quoted ones included.
        const expected = spec.rows.flatMap((row, i) =>
          row.cells.some((value) => value.trim() !== '')
            ? [{ line: (text.slice(0, rowStarts[i]).match(LINE_BREAK) ?? []).length + 1, fields: row.cells }]
            : [],
        );
        const plain = (fields: string[], line: number) => ({ line, fields });
        // Told the delimiter: by a "sep=" line that is still counted as a line, or by the caller.
        if (spec.sepHint) {
          const read = readCsvFile(encode(text, 'utf-8'));
          expect(read.ok).toBe(true);
          if (!read.ok) return;
          expect(read.file.delimiter).toBe(spec.delimiter);
          expect(read.file.headers).toEqual(spec.header.map((h) => h.trim()));
          expect(read.file.records.map((r) => plain(r.fields, r.line))).toEqual(expected);
          expect(read.file.records.every((record) => !record.unclosedQuote)).toBe(true);
        } else {
          const [header, ...records] = parseCsv(text, spec.delimiter);
          expect(header?.fields).toEqual(spec.header);
          expect(records.map((r) => plain(r.fields, r.line))).toEqual(expected);
          expect(records.every((record) => !record.unclosedQuote)).toBe(true);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});

/* ---- Through the core API, on a real SQLite file ---- */

let dir: string;
let core: Core;
let reader: SqliteConnection;
const logged: unknown[] = [];
const capturingLog: Logger = { info() {}, warn() {}, error: (message, err) => logged.push({ message, err }) };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promemoria-csv-property-'));
  core = await createCore({ dataDir: join(dir, 'data'), log: capturingLog, systemTimeZone: 'Europe/Rome', startSms: false });
  // Clients already in the list, some with the mobiles the generated files use.
  for (const [lastName, mobile] of [['Esposito', '3331234567'], ['Romano', '+393471112222'], ['Colombo', '3471112222'], ['Ricci', null]] as const) {
    const created = await invokeMethod(core.api, 'clients.create', { lastName, firstName: 'Già', mobile, allowDuplicate: true }, capturingLog);
    if (!created.ok) throw new Error(JSON.stringify(created.error));
  }
  reader = await SqliteConnection.open(databasePathIn(core.dataDir), 'readonly');
});

afterAll(async () => {
  await reader?.close();
  await core?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Everything an import may touch: the clients, their search index and the audit log. */
async function snapshot() {
  return {
    clients: await reader.all('SELECT * FROM clients ORDER BY id'),
    audit: await reader.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'),
  };
}

function expectValidationError(result: CallResult): void {
  if (result.ok) return;
  expect(result.error.code, `${result.error.message} ${JSON.stringify(logged.slice(-1))}`).toBe('VALIDATION');
  expect(result.error.message.trim().length).toBeGreaterThan(0);
  // A clear message: no stack trace, no path of ours.
  expect(result.error.message).not.toMatch(/\n\s+at |\/work\/|node_modules/);
}

const runOptions = fc.record({
  duplicates: fc.constantFrom(...duplicatePolicies),
  phoneProblems: fc.constantFrom(...phoneProblemPolicies),
  allOrNothing: fc.boolean(),
  dryRun: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  /** Usually the mapping the headers give; sometimes one from the wizard, right or wrong. */
  mapping: fc.oneof(
    { weight: 5, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.array(fc.option(fc.constantFrom(...importFields), { nil: null }), { maxLength: 8 }) },
  ),
});

describe('clients.import.preview and clients.import.run with random files', () => {
  it('answer a report or VALIDATION; counts add up; lines are in the file; all-or-nothing and dry runs write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(csvBytes, runOptions, async (bytes, options) => {
        const content = Buffer.from(bytes).toString('base64');
        const before = await snapshot();

        const preview = await invokeMethod(core.api, 'clients.import.preview', { content }, capturingLog);
        expectValidationError(preview);
        expect(await snapshot()).toEqual(before);

        const result = await invokeMethod(core.api, 'clients.import.run', { content, ...options }, capturingLog);
        expectValidationError(result);
        const after = await snapshot();
        if (!result.ok) {
          expect(after).toEqual(before);
          return;
        }
        const report = result.value as ImportReport;
        if (preview.ok) expect(report.records).toBe((preview.value as ImportPreview).records);
        // Each data row is created, updated, skipped as a duplicate, or rejected: exactly one of them.
        expect(report.created + report.updated + report.skipped.length + report.rejected.length).toBe(report.records);
        const lines = physicalLines(bytes);
        const headerLine = preview.ok ? (preview.value as ImportPreview).headerLine : 1;
        for (const issue of [...report.rejected, ...report.skipped, ...report.warnings]) checkIssue(issue, lines, headerLine);
        const issueLines = [...report.rejected, ...report.skipped].map((issue) => issue.line);
        expect(new Set(issueLines).size).toBe(issueLines.length);

        if (options.dryRun || (options.allOrNothing && report.rejected.length > 0)) {
          expect(report.committed).toBe(false);
          expect(after).toEqual(before);
        } else {
          expect(report.committed).toBe(true);
          expect(after.clients).toHaveLength(before.clients.length + report.created);
          expect(after.audit?.n).toBeGreaterThan(before.audit?.n ?? 0);
        }
      }),
      { numRuns: runs(80) },
    );
  }, scaledTimeout);

  it('leaves a database that passes PRAGMA integrity_check', async () => {
    expect(await reader.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(logged).toEqual([]);
  });
});
