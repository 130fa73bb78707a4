import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../../src-main/domain/clients/csv-import/decode-bytes';

const WINDOWS_1252: Record<string, number> = { è: 0xe8, ò: 0xf2, à: 0xe0, '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94 };
const cp1252 = (text: string) => Uint8Array.from([...text].map((char) => WINDOWS_1252[char] ?? char.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

describe('decodeBytes', () => {
  it('reads UTF-8 with and without the BOM, dropping the BOM', () => {
    expect(decodeBytes(utf8('Nome;Città\nNicolò;Forlì'))).toEqual({ ok: true, text: 'Nome;Città\nNicolò;Forlì', encoding: 'utf-8' });
    expect(decodeBytes(concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('Nome\nNicolò')))).toEqual({
      ok: true,
      text: 'Nome\nNicolò',
      encoding: 'utf-8',
    });
  });

  it('reads Windows-1252, as Excel saves a plain CSV on an Italian Windows', () => {
    expect(decodeBytes(cp1252('Cognome;Note\r\nD’Angelo;“caffè” 2€, però'))).toEqual({
      ok: true,
      text: 'Cognome;Note\r\nD’Angelo;“caffè” 2€, però',
      encoding: 'windows-1252',
    });
  });

  it('reads a UTF-8 file with some Windows-1252 lines line by line', () => {
    const decoded = decodeBytes(concat(utf8('Nome\nNicolò\n'), cp1252('Niccolò\n'), utf8('Forlì')));
    expect(decoded).toEqual({ ok: true, text: 'Nome\nNicolò\nNiccolò\nForlì', encoding: 'mixed' });
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const text = 'Nome\tCognome\r\nNicolò\tRossi';
    const le = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])]);
    expect(decodeBytes(le)).toEqual({ ok: true, text, encoding: 'utf-16le' });
  });

  it.each([
    ['an empty file', new Uint8Array(), /empty/],
    ['an .xlsx workbook', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), /Excel workbook \(\.xlsx\)/],
    ['an .xls workbook', Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1), /old Excel workbook/],
    ['binary data', Uint8Array.of(0x41, 0x00, 0x42, 0x00), /not text/],
  ])('refuses %s and says what to do', (_what, bytes, problem) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? '' : decoded.problem).toMatch(problem);
  });
});
