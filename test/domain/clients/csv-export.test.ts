import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../src-main/db/repositories/clients-repository';
import { clientsCsv } from '../../../src-main/domain/clients/csv-export';
import { readCsvFile } from '../../../src-main/domain/clients/csv-import/read-csv-file';
import { recognizeColumns } from '../../../src-main/domain/clients/csv-import/header-mapping';

const record = (overrides: Partial<ClientRecord>): ClientRecord => ({
  id: 1, first_name: 'Mario', last_name: 'Rossi', mobile: '+393331234567', email: null, language: 'it', notes: '',
  sms_opt_out: 0, archived_at: null, created_at: 0, updated_at: 0, ...overrides,
});

describe('clientsCsv', () => {
  const csv = clientsCsv(
    [
      record({}),
      record({ first_name: 'Nicolò', last_name: "D'Angelo", mobile: '+447911123456', notes: 'Dice "ciao";\npoi va', sms_opt_out: 1, language: 'en' }),
      record({ last_name: '=HYPERLINK("http://x")', mobile: null, email: 'a@b.it' }),
    ],
    'it',
    'IT',
  );

  it('is UTF-8 with a BOM, ";" between fields, CRLF between rows, Italian headers', () => {
    expect(csv.startsWith('\uFEFFCognome;Nome;Cellulare;Email;Lingua;Note;No SMS\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('Rossi;Mario;333 123 4567;;it;;');
  });

  it('writes mobiles without a leading plus and quotes what needs it', () => {
    expect(csv).toContain(`D'Angelo;Nicolò;00 44 7911 123456;;en;"Dice ""ciao"";\npoi va";sì\r\n`);
  });

  it('keeps a formula-like value as text', () => {
    expect(csv).toContain(`'=HYPERLINK(""http://x"")`);
  });

  it('reads back through the import with every column recognised', () => {
    const read = readCsvFile(new TextEncoder().encode(csv));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.file.delimiter).toBe(';');
    expect(recognizeColumns(read.file.headers)).toEqual(['lastName', 'firstName', 'mobile', 'email', 'language', 'notes', null]);
    expect(read.file.records.map((r) => r.line)).toEqual([2, 3, 5]);
  });

  it('writes English headers for an English office', () => {
    expect(clientsCsv([], 'en', 'IT')).toBe('\uFEFFLast name;First name;Mobile;Email;Language;Notes;No SMS\r\n');
  });
});
