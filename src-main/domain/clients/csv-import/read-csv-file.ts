import { csvDelimiters, type CsvDelimiter, type TextEncoding } from '../../../contract/clients-import-schemas';
import { decodeBytes } from './decode-bytes';
import { detectDelimiter } from './detect-delimiter';
import { parseCsv, type CsvRecord } from './parse-csv';

export interface CsvFile {
  encoding: TextEncoding;
  delimiter: CsvDelimiter;
  headerLine: number;
  headers: string[];
  /** The data records, after the header. */
  records: CsvRecord[];
}

export type ReadCsvResult = { ok: true; file: CsvFile } | { ok: false; problem: string };

/** Excel writes and reads this first line to name the delimiter: "sep=;". Any line break ends it, a lone CR too (old Mac Excel). */
const SEP_HINT = /^sep=(.)(\r\n|\r|\n|$)/i;

/** From the file's bytes to a header and records, or why the file cannot be used at all. */
export function readCsvFile(bytes: Uint8Array): ReadCsvResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  let text = decoded.text;
  let delimiter: CsvDelimiter | undefined;
  const hint = SEP_HINT.exec(text);
  const hinted = csvDelimiters.find((candidate) => candidate === hint?.[1]);
  if (hint && hinted) {
    delimiter = hinted;
    // Its text goes but its line break stays, so the line numbers still count it.
    text = text.slice(hint[0].length - (hint[2] ?? '').length);
  }
  delimiter ??= detectDelimiter(text);
  const [header, ...records] = parseCsv(text, delimiter);
  if (!header) return { ok: false, problem: 'the file has no rows' };
  if (header.unclosedQuote) return { ok: false, problem: `the header row (line ${header.line}) has a quote that is never closed` };
  return {
    ok: true,
    file: {
      encoding: decoded.encoding,
      delimiter,
      headerLine: header.line,
      headers: header.fields.map((name) => name.trim()),
      records,
    },
  };
}
