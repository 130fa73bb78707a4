/**
 * CSV files as offices really send them, and worse: Excel's delimiters and line
 * breaks, quotes right and wrong, BOMs, Windows-1252 and UTF-16 bytes, damaged bytes,
 * very long cells, and a small pool of mobiles so that duplicates happen.
 */
import fc from 'fast-check';

export type LineBreak = '\n' | '\r\n' | '\r';
export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'mixed' | 'utf-16le' | 'utf-16be' | 'utf-16le-no-bom';

/** Header names the import recognises, some twice, and some it does not. */
const HEADERS = [
  'Cognome', 'Nome', 'Cellulare', 'E-mail', 'Lingua', 'Note', 'Telefono', 'Last name', 'First name', 'Mobile',
  'Email', 'Language', 'Notes', 'N. cellulare', 'Indirizzo', 'Città', 'CAP', '', ' Cognome ', 'COGNOME', 'Cognome',
];

const NAMES = ['Rossi', 'Bianchi', "D'Angelo", 'D’Angelo', 'Nicolò', 'Forlì', 'De Luca', 'Müller', 'José', 'Ōsaka', 'Zoë', 'Anna Maria', 'Lupo'];
/** Few enough that rows collide with each other and with clients already in the list. */
const GOOD_MOBILES = ['333 123 4567', '+39 333 1234567', '0039 3331234567', '3331234567', '347 111 2222', '+393471112222', '348 765 4321', '+44 7911 123456'];
const BAD_MOBILES = ['06 1234 5678', '800 123 456', '12', '333 123 45678901', '+999 123', 'chiamare', '3331234567 / 3471112222'];
const MOBILES = [...GOOD_MOBILES, ...BAD_MOBILES];
const GOOD_EMAILS = ['mario@example.it', 'anna.bianchi@studio.it', ''];
const BAD_EMAILS = ['bad@', '@example.it', 'mario @example.it', 'x'.repeat(250) + '@a.it'];
const EMAILS = [...GOOD_EMAILS, ...BAD_EMAILS];
const GOOD_LANGUAGES = ['it', 'en', 'IT', 'Italiano', 'english', ' it ', ''];
const LANGUAGES = [...GOOD_LANGUAGES, 'tedesco', 'de'];
/** What Excel leaves in cells, and what our export guards against. */
const ODD_CELLS = ["'=SOMMA(A1)", '=1+1', '@x', '-5', "'-", '+39', '1,5', 'Rossi, Mario', '"', '""', '"a"b', 'a"b', '   ', '\u00a0'];
/**
 * Characters that break naive readers: delimiters, quotes, line breaks, control and replacement characters, BOMs,
 * separators. No NUL: one makes the whole file "binary" (the damage below and random bytes cover that).
 */
const TRICKY = [...',;\t"\n\r', '\r\n', '\u0007', '\u001b', '\ufffd', '\u0085', '\u2028', '\ufeff', '€', 'è', 'È', '’', '😀', '\ud800', 'a', ' '];

const trickyString = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 12 });

export const cell: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 3, arbitrary: fc.constantFrom(...MOBILES) },
  { weight: 1, arbitrary: fc.constantFrom(...EMAILS) },
  { weight: 1, arbitrary: fc.constantFrom(...LANGUAGES) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_CELLS) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: trickyString },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }).map((text) => text.replaceAll('\u0000', '')) },
  // Very long cells: around the name and notes limits, and beyond.
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(79, 80, 81, 1999, 2000, 2001, 6000), fc.constantFrom('x', 'è', '😀', 'a b')).map(([n, unit]) =>
      unit.repeat(Math.ceil(n / unit.length)).slice(0, n),
    ),
  },
);

/** Mostly what the column's header asks for, sometimes anything at all. */
const mostly = (good: string[], all: string[]) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...all) });
const typedCell = fc.record({
  name: fc.constantFrom(...NAMES),
  mobile: mostly(GOOD_MOBILES, MOBILES),
  email: mostly(GOOD_EMAILS, EMAILS),
  language: mostly(GOOD_LANGUAGES, LANGUAGES),
  other: cell,
  wild: fc.integer({ min: 0, max: 9 }),
});

function cellFor(header: string, typed: typeof typedCell extends fc.Arbitrary<infer T> ? T : never): string {
  const name = header.trim().toLowerCase();
  if (typed.wild === 0) return typed.other;
  if (/cognome|last|nome|first/.test(name)) return typed.name;
  if (/cell|mobile|telefono/.test(name)) return typed.mobile;
  if (/mail/.test(name)) return typed.email;
  if (/lingua|language/.test(name)) return typed.language;
  return typed.other;
}

/** How a cell is written: as Excel would (quoted when it must be), always quoted, bare, or with a quote left open. */
export type Quoting = 'excel' | 'always' | 'bare' | 'open';
const quoting = fc.constantFrom<Quoting>('excel', 'excel', 'excel', 'always', 'bare', 'open');

export function quote(value: string, delimiter: string, how: Quoting): string {
  const escaped = `"${value.replaceAll('"', '""')}"`;
  switch (how) {
    case 'excel':
      return /["\r\n]/.test(value) || value.includes(delimiter) ? escaped : value;
    case 'always':
      return escaped;
    case 'bare':
      return value;
    case 'open':
      return `"${value}`;
  }
}

export interface CsvSpec {
  sepHint: boolean;
  delimiter: string;
  header: string[];
  rows: { cells: string[]; quoting: Quoting[]; delimiter: string; lineBreak: LineBreak; blankLinesBefore: number }[];
  trailingBreak: boolean;
}

const delimiterArb = fc.constantFrom(';', ',', '\t');
const lineBreakArb = fc.constantFrom<LineBreak>('\n', '\r\n', '\r');

export const csvSpec: fc.Arbitrary<CsvSpec> = fc
  .record({
    sepHint: fc.boolean(),
    delimiter: delimiterArb,
    header: fc.oneof(
      { weight: 4, arbitrary: fc.shuffledSubarray(HEADERS.slice(0, 8), { minLength: 1 }).map((h) => (h.includes('Cognome') ? h : ['Cognome', ...h])) },
      { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HEADERS), trickyString), { minLength: 1, maxLength: 8 }) },
    ),
    lineBreak: lineBreakArb,
    mixedBreaks: fc.boolean(),
    trailingBreak: fc.boolean(),
    seed: fc.array(
      fc.record({
        cells: fc.array(cell, { maxLength: 10 }),
        typed: fc.array(typedCell, { minLength: 10, maxLength: 10 }),
        quoting: fc.array(quoting, { minLength: 10, maxLength: 10 }),
        otherDelimiter: fc.option(delimiterArb, { freq: 8 }),
        lineBreak: lineBreakArb,
        blankLinesBefore: fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
        /** Usually as many cells as the header has. */
        fit: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      }),
      { maxLength: 25, size: 'medium' },
    ),
  })
  .map((r) => ({
    sepHint: r.sepHint,
    delimiter: r.delimiter,
    header: r.header,
    trailingBreak: r.trailingBreak,
    rows: r.seed.map((row) => {
      const cells = row.fit ? r.header.map((header, i) => (row.typed[i] ? cellFor(header, row.typed[i]) : '')) : row.cells;
      return {
        cells,
        quoting: row.quoting,
        delimiter: row.otherDelimiter ?? r.delimiter,
        lineBreak: r.mixedBreaks ? row.lineBreak : r.lineBreak,
        blankLinesBefore: row.blankLinesBefore,
      };
    }),
  }));

export function csvText(spec: CsvSpec): string {
  return csvLayout(spec).text;
}

/** The file's text, and where (UTF-16 offset) each of `spec.rows` starts in it. */
export function csvLayout(spec: CsvSpec): { text: string; rowStarts: number[] } {
  const lines: { text: string; lineBreak: LineBreak; row?: number }[] = [];
  const firstBreak = spec.rows[0]?.lineBreak ?? '\r\n';
  if (spec.sepHint) lines.push({ text: `sep=${spec.delimiter}`, lineBreak: firstBreak });
  lines.push({ text: spec.header.map((h) => quote(h, spec.delimiter, 'excel')).join(spec.delimiter), lineBreak: firstBreak });
  spec.rows.forEach((row, index) => {
    for (let i = 0; i < row.blankLinesBefore; i++) lines.push({ text: '', lineBreak: row.lineBreak });
    const text = row.cells.map((value, i) => quote(value, row.delimiter, row.quoting[i] ?? 'excel')).join(row.delimiter);
    lines.push({ text, lineBreak: row.lineBreak, row: index });
  });
  let text = '';
  const rowStarts: number[] = [];
  lines.forEach((line, i) => {
    if (line.row !== undefined) rowStarts[line.row] = text.length;
    text += line.text + (i < lines.length - 1 || spec.trailingBreak ? line.lineBreak : '');
  });
  return { text, rowStarts };
}

/** Windows-1252 bytes 0x80–0x9F; other characters below 0x100 are their own byte; anything else becomes "?". */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (char) => {
    const high = CP1252_HIGH.indexOf(char);
    if (high !== -1) return 0x80 + high;
    const code = char.charCodeAt(0);
    return code < 0x100 && !(code >= 0x80 && code < 0xa0) ? code : 0x3f;
  });
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = Buffer.from(text, 'utf16le');
  return bigEndian ? Uint8Array.from(bytes.swap16()) : Uint8Array.from(bytes);
}

export function encode(text: string, encoding: FileEncoding, mixedLines: readonly boolean[] = []): Uint8Array {
  const utf8 = (t: string) => new TextEncoder().encode(t);
  switch (encoding) {
    case 'utf-8':
      return utf8(text);
    case 'utf-8-bom':
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);
    case 'windows-1252':
      return cp1252(text);
    case 'mixed':
      // Some lines pasted from a Windows-1252 file into a UTF-8 one.
      return Uint8Array.from(
        text.split('\n').flatMap((line, i) => {
          const bytes = mixedLines[i % Math.max(1, mixedLines.length)] ? cp1252(line) : utf8(line);
          return i > 0 ? [0x0a, ...bytes] : [...bytes];
        }),
      );
    case 'utf-16le':
      return Uint8Array.from([0xff, 0xfe, ...utf16(text, false)]);
    case 'utf-16be':
      return Uint8Array.from([0xfe, 0xff, ...utf16(text, true)]);
    case 'utf-16le-no-bom':
      return utf16(text, false);
  }
}

const encodingArb = fc.constantFrom<FileEncoding>('utf-8', 'utf-8', 'utf-8-bom', 'windows-1252', 'mixed', 'utf-16le', 'utf-16be', 'utf-16le-no-bom');

/** Damage done to the bytes: a few bytes overwritten, the file cut short, a workbook's magic number in front. */
const damage = fc.oneof(
  { weight: 6, arbitrary: fc.constant((bytes: Uint8Array) => bytes) },
  {
    weight: 2,
    arbitrary: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 5 }).map((edits) => (bytes: Uint8Array) => {
      const copy = Uint8Array.from(bytes);
      for (const [at, value] of edits) if (copy.length > 0) copy[at % copy.length] = value;
      return copy;
    }),
  },
  { weight: 1, arbitrary: fc.nat().map((cut) => (bytes: Uint8Array) => bytes.subarray(0, cut % (bytes.length + 1))) },
  {
    weight: 1,
    arbitrary: fc.constantFrom([0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0x00]).map(
      (prefix) => (bytes: Uint8Array) => Uint8Array.from([...prefix, ...bytes]),
    ),
  },
);

/** A CSV file's bytes: mostly generated CSV in some encoding, sometimes damaged, sometimes any bytes at all. */
export const csvBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(csvSpec, encodingArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), damage)
      .map(([spec, encoding, mixedLines, harm]) => harm(encode(csvText(spec), encoding, mixedLines))),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400, size: 'medium' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text) => new TextEncoder().encode(text)) },
);
