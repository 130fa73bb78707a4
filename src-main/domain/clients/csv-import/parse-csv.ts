/** One record and the physical line (1-based) of the file where it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** A quoted field was still open at the end of the file: it swallowed every line after `line`. */
  unclosedQuote: boolean;
}

/**
 * Splits CSV text into records (RFC 4180, as Excel writes it): fields in double
 * quotes may hold the delimiter, line breaks and doubled quotes (""). Leniently, a
 * quote inside an unquoted field is kept as text, and text after a closing quote is
 * kept too. Line breaks are CRLF, LF or a lone CR (old Mac Excel), each one line.
 * Blank records (an empty line, or only delimiters as Excel leaves below a table)
 * are dropped, but still counted in the line numbers.
 * `maxRecords` stops early, for sniffing the delimiter from the start of a file.
 */
export function parseCsv(text: string, delimiter: string, maxRecords = Infinity): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endRecord = (unclosedQuote: boolean) => {
    fields.push(field);
    if (fields.some((value) => value.trim() !== '')) records.push({ line: recordLine, fields, unclosedQuote });
    fields = [];
    field = '';
  };

  while (i < text.length && records.length < maxRecords) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
        field += char;
      }
      i++;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord(false);
      line++;
      recordLine = line;
    } else {
      field += char;
    }
    i++;
  }
  if (records.length < maxRecords && (quoted || field !== '' || fields.length > 0)) endRecord(quoted);
  return records;
}
