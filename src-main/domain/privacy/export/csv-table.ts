/**
 * CSV for Excel on an Italian PC, by the same rules as the client list's export
 * (src-main/domain/clients/csv-export.ts): UTF-8 with a BOM, ";" between fields,
 * CRLF line ends, fields quoted when they need it, and a text cell that Excel
 * would run as a formula (starting with = + - @, a tab or a carriage return) gets
 * an apostrophe first. A number, even signed ("+393331234567", "-5"), cannot run
 * anything and stays as it is, so phone numbers in E.164 travel intact.
 */
export const CSV_BOM = '\uFEFF';
const DELIMITER = ';';
const LINE_END = '\r\n';

/** One cell: null and undefined are empty, booleans 1 or 0, objects as JSON, text guarded. */
export type CsvValue = string | number | bigint | boolean | null | undefined | object;

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(DELIMITER) + LINE_END;
}

/** A whole file: the BOM, the header line and one line per row. */
export function csvDocument(headers: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + csvLine(headers) + rows.map(csvLine).join('');
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return quote(/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d[\d.]*$/.test(text) ? `'${text}` : text);
}

function quote(value: string): string {
  return /[";\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
