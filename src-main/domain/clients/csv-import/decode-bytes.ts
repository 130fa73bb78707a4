import type { TextEncoding } from '../../../contract/clients-import-schemas';

export type DecodedFile = { ok: true; text: string; encoding: TextEncoding } | { ok: false; problem: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16 = new TextDecoder('utf-16le');

/**
 * Windows-1252 bytes 0x80–0x9F ("€", "’", "“"…). Node 20's TextDecoder('windows-1252')
 * decodes them as ISO-8859-1 control characters instead, so the table is ours; the
 * five bytes Windows-1252 leaves undefined stay control characters, as WHATWG says.
 */
const WINDOWS_1252_HIGH = Array.from('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ', (char) => char.charCodeAt(0));

const SAVE_AS_CSV = 'in Excel choose File › Save as › "CSV UTF-8" (or "CSV (separated by semicolons)") and import that file';

/**
 * Reads a CSV file's bytes the way Italian offices produce them: UTF-8 with or
 * without a BOM (Excel's "CSV UTF-8" writes one), Windows-1252 (Excel's plain
 * "CSV" on an Italian Windows), UTF-16 with a BOM (Excel's "Unicode text").
 * Without a BOM, the file is UTF-8 if every byte sequence is valid UTF-8. If not,
 * each line that is not valid UTF-8 is read as Windows-1252, line by line, so rows
 * pasted from another file into a UTF-8 one still read right: Italian text in
 * Windows-1252 ("è" is the single byte E8) is practically never valid UTF-8.
 */
export function decodeBytes(bytes: Uint8Array): DecodedFile {
  if (bytes.length === 0) return { ok: false, problem: 'the file is empty' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return { ok: false, problem: `this is an Excel workbook (.xlsx) or another zipped file, not CSV: ${SAVE_AS_CSV}` };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, problem: `this is an old Excel workbook (.xls), not CSV: ${SAVE_AS_CSV}` };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // NUL bytes: a binary file, or UTF-16 without the BOM that would say which.
  if (bytes.includes(0)) return { ok: false, problem: `the file is not text (it contains binary data): ${SAVE_AS_CSV}` };
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): DecodedFile {
  try {
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return decodeLineByLine(bytes);
  }
}

/** Line feeds are the same byte in both encodings, so lines can be told apart before decoding. */
function decodeLineByLine(bytes: Uint8Array): DecodedFile {
  const lines: string[] = [];
  let sawUtf8Text = false;
  let start = 0;
  while (start <= bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    const line = bytes.subarray(start, end);
    try {
      const text = utf8.decode(line);
      // Plain ASCII reads the same either way; only non-ASCII text says "UTF-8".
      if (/[^\p{ASCII}]/u.test(text)) sawUtf8Text = true;
      lines.push(text);
    } catch {
      lines.push(decodeWindows1252(line));
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return { ok: true, text: lines.join('\n'), encoding: sawUtf8Text ? 'mixed' : 'windows-1252' };
}

/** Every other byte is the code point of the same number (as in ISO-8859-1). */
function decodeWindows1252(bytes: Uint8Array): string {
  const units = Uint16Array.from(bytes, (byte) => (byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte));
  return utf16.decode(units);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
