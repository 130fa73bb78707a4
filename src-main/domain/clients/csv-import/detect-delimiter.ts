import { csvDelimiters, type CsvDelimiter } from '../../../contract/clients-import-schemas';
import { parseCsv } from './parse-csv';

const SNIFF_RECORDS = 20;

/**
 * Picks the delimiter that splits the first records into the same number of
 * fields, more than one, as the header: in an Italian ";" file the commas of
 * "1,5" or of "Rossi, Mario" do not line up from row to row, the semicolons do.
 * Excel's own hint line ("sep=;") is handled by the caller. A file with a single
 * column gets ",", which then splits nothing.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const delimiter of csvDelimiters) {
    const records = parseCsv(text, delimiter, SNIFF_RECORDS);
    const columns = records[0]?.fields.length ?? 0;
    if (columns < 2) continue;
    const consistent = records.filter((record) => record.fields.length === columns).length / records.length;
    // Consistency first; between equally consistent delimiters, the one giving more columns.
    const score = consistent * 1000 + columns;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}
