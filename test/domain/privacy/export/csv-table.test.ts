import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvLine } from '../../../../src-main/domain/privacy/export/csv-table';

describe('CSV for Excel', () => {
  it('writes a BOM, ";" between fields and CRLF line ends', () => {
    expect(csvDocument(['ID', 'Nome'], [[1, 'Nicolò'], [2, null]])).toBe('\uFEFFID;Nome\r\n1;Nicolò\r\n2;\r\n');
  });

  it('quotes what needs it', () => {
    expect(csvLine(['a;b', 'say "hi"', 'two\nlines', ' padded', 'plain'])).toBe('"a;b";"say ""hi""";"two\nlines";" padded";plain\r\n');
  });

  it('puts an apostrophe before a text Excel would run as a formula, but not before a number', () => {
    expect(['=HYPERLINK("x")', '+cmd', '-2+3', '@SUM(A1)', '\tx'].map(csvCell)).toEqual([
      '"\'=HYPERLINK(""x"")"', "'+cmd", "'-2+3", "'@SUM(A1)", "'\tx",
    ]);
    expect(['+393331234567', '-5', '3.5', 42, -1].map(csvCell)).toEqual(['+393331234567', '-5', '3.5', '42', '-1']);
  });

  it('writes flags as 1 or 0 and objects as JSON', () => {
    expect(csvLine([true, false, undefined, { weekday: 1 }, [1, 2]])).toBe('1;0;;"{""weekday"":1}";[1,2]\r\n');
  });
});
