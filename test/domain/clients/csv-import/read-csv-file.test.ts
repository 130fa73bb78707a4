import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../../src-main/domain/clients/csv-import/detect-delimiter';
import { readCsvFile } from '../../../../src-main/domain/clients/csv-import/read-csv-file';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('detectDelimiter', () => {
  it.each([
    ['Nome,Cognome,Cellulare\nMario,Rossi,333\n', ','],
    ['Nome;Cognome;Note\nMario;Rossi;1,5 ore\nAnna;Bianchi;a, b, c\n', ';'],
    ['Nome\tCognome\nMario\tRossi\n', '\t'],
    // A comma file whose notes contain semicolons: the commas line up, the semicolons do not.
    ['Nome,Cognome,Note\nMario,Rossi,"a; b"\nAnna,Bianchi,c\n', ','],
    ['Cognome\nRossi\n', ','],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('readCsvFile', () => {
  it('reads the header and the records with their line numbers', () => {
    const read = readCsvFile(utf8('\uFEFFCognome ; Nome\r\nRossi;Mario\r\n\r\nBianchi;Anna\r\n'));
    expect(read).toMatchObject({
      ok: true,
      file: {
        encoding: 'utf-8',
        delimiter: ';',
        headerLine: 1,
        headers: ['Cognome', 'Nome'],
        records: [
          { line: 2, fields: ['Rossi', 'Mario'] },
          { line: 4, fields: ['Bianchi', 'Anna'] },
        ],
      },
    });
  });

  it('follows Excel\'s "sep=" line and still counts it', () => {
    const read = readCsvFile(utf8('sep=,\r\nCognome;Nome,Note\r\nRossi;Mario,x\r\n'));
    expect(read).toMatchObject({ ok: true, file: { delimiter: ',', headerLine: 2, headers: ['Cognome;Nome', 'Note'] } });
    expect(read.ok && read.file.records[0]?.line).toBe(3);
  });

  it('refuses a file without rows or with an open quote in its header', () => {
    expect(readCsvFile(utf8('\n \r\n\t\n'))).toEqual({ ok: false, problem: 'the file has no rows' });
    expect(readCsvFile(utf8('"Cognome;Nome\nRossi;Mario'))).toMatchObject({ ok: false, problem: expect.stringMatching(/never closed/) });
  });
});
