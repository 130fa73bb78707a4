import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../../src-main/domain/privacy/export/zip-writer';

const AT = Date.UTC(2026, 10, 24, 9, 0);

function build(at = AT): Uint8Array {
  const zip = new ZipWriter(at);
  const json = zip.open('data.json');
  json.write('{"rows": [');
  const csv = zip.open('rows.csv');
  // Pieces of two files interleaved, as the office export writes a table into both at once.
  for (let page = 0; page < 50; page++) {
    json.write(`${page === 0 ? '' : ','}${page}`);
    csv.write(`${page};Nicolò ${page}\r\n`);
  }
  csv.end();
  json.write(']}');
  json.end();
  zip.addText('LEGGIMI.txt', 'Perché sì');
  zip.addBytes('evidence/modulo.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
  return zip.finish();
}

describe('ZipWriter', () => {
  it('makes a ZIP that reads back, files in the order opened, pieces in order', () => {
    const files = unzipSync(build());
    expect(Object.keys(files)).toEqual(['data.json', 'rows.csv', 'LEGGIMI.txt', 'evidence/modulo.pdf']);
    expect(JSON.parse(strFromU8(files['data.json'] ?? new Uint8Array()))).toEqual({ rows: Array.from({ length: 50 }, (_, i) => i) });
    expect(strFromU8(files['rows.csv'] ?? new Uint8Array()).split('\r\n')[49]).toBe('49;Nicolò 49');
    expect(strFromU8(files['LEGGIMI.txt'] ?? new Uint8Array())).toBe('Perché sì');
    expect([...(files['evidence/modulo.pdf'] ?? [])]).toEqual([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
  });

  it('gives the same bytes for the same data at the same moment', () => {
    expect(Buffer.from(build()).equals(Buffer.from(build()))).toBe(true);
  });

  it('takes a clock before 1980 (which ZIP dates cannot hold) without failing', () => {
    expect(Object.keys(unzipSync(build(0)))).toHaveLength(4);
  });

  it('refuses a name twice, and an archive with a file left open', () => {
    const zip = new ZipWriter(AT);
    zip.addText('a.txt', 'a');
    expect(() => zip.addText('a.txt', 'again')).toThrow(/already has a file named a\.txt/);
    const open = new ZipWriter(AT);
    open.open('never-ended.txt').write('…');
    expect(() => open.finish()).toThrow(/never ended/);
  });
});
