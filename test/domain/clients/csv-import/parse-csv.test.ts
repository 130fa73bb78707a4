import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src-main/domain/clients/csv-import/parse-csv';

const fields = (text: string, delimiter = ',') => parseCsv(text, delimiter).map((record) => record.fields);

describe('parseCsv', () => {
  it('splits on the given delimiter: comma, semicolon, tab', () => {
    expect(fields('a,b,c\n1,2,3')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(fields('a;b;c\r\n1;2,5;3\r\n', ';')).toEqual([['a', 'b', 'c'], ['1', '2,5', '3']]);
    expect(fields('a\tb\n1\t2', '\t')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    const records = parseCsv('Cognome;Note\r\nRossi;"Dice ""ciao""; poi\r\nva via"\r\nBianchi;ok\r\n', ';');
    expect(records).toEqual([
      { line: 1, fields: ['Cognome', 'Note'], unclosedQuote: false },
      { line: 2, fields: ['Rossi', 'Dice "ciao"; poi\r\nva via'], unclosedQuote: false },
      // The quoted line break moved the next record to physical line 4.
      { line: 4, fields: ['Bianchi', 'ok'], unclosedQuote: false },
    ]);
  });

  it('counts LF, CRLF and lone CR line ends as one line each', () => {
    expect(parseCsv('a\rb\r\nc\nd', ',').map((record) => record.line)).toEqual([1, 2, 3, 4]);
    expect(parseCsv('h\n"x\ry"\nz', ',').map((record) => record.line)).toEqual([1, 2, 4]);
  });

  it('drops blank lines and rows of empty fields, but still counts their lines', () => {
    const records = parseCsv('a;b\n\n;;\n  ; \n1;2\n', ';');
    expect(records.map((record) => [record.line, record.fields])).toEqual([
      [1, ['a', 'b']],
      [5, ['1', '2']],
    ]);
  });

  it('keeps stray quotes inside unquoted fields as text', () => {
    expect(fields('Nome,Soprannome\nMario,il "Baffo"')).toEqual([['Nome', 'Soprannome'], ['Mario', 'il "Baffo"']]);
    expect(fields('"Rossi" jr,x')).toEqual([['Rossi jr', 'x']]);
  });

  it('marks a quoted field left open at the end of the file', () => {
    const records = parseCsv('a,b\n1,"never closed\n2,3\n', ',');
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ line: 2, unclosedQuote: true });
  });

  it('reads a last record without a final line break, and empty trailing fields', () => {
    expect(fields('a,b,\n1,,')).toEqual([['a', 'b', ''], ['1', '', '']]);
  });

  it('stops after maxRecords', () => {
    expect(parseCsv('a\nb\nc\n', ',', 2)).toHaveLength(2);
  });
});
