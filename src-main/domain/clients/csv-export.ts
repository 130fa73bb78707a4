import type { Language } from '../../contract/schemas';
import type { ClientRecord } from '../../db/repositories/clients-repository';
import { formatForDialingFrom } from './phone-number';

/**
 * The client list as CSV for Excel, the program offices open it with:
 * - UTF-8 with a BOM: without it Excel reads the file as Windows-1252 and
 *   "Nicolò" turns into "NicolÃ²";
 * - ";" between fields: Excel on an Italian Windows splits a double-clicked CSV on
 *   ";" (the comma is the decimal separator there), and our import detects either;
 * - CRLF line ends, every field that needs it quoted;
 * - mobiles as dialled from the office's country ("333 123 4567"), never with a
 *   leading "+", which Excel takes for a formula; the import reads them back;
 * - a text cell starting with = + - @ gets an apostrophe first, so a note such as
 *   "=HYPERLINK(…)" stays text instead of becoming a live formula.
 * Headers are in the office's language; the import recognises both languages.
 */
const HEADERS: Record<Language, readonly string[]> = {
  it: ['Cognome', 'Nome', 'Cellulare', 'Email', 'Lingua', 'Note', 'No SMS'],
  en: ['Last name', 'First name', 'Mobile', 'Email', 'Language', 'Notes', 'No SMS'],
};
const YES: Record<Language, string> = { it: 'sì', en: 'yes' };
const DELIMITER = ';';

export function clientsCsv(records: readonly ClientRecord[], language: Language, region: string): string {
  const lines = [HEADERS[language].map(quote).join(DELIMITER)];
  for (const record of records) {
    lines.push(
      [
        text(record.last_name),
        text(record.first_name),
        record.mobile === null ? '' : quote(formatForDialingFrom(record.mobile, region)),
        text(record.email ?? ''),
        record.language,
        text(record.notes),
        record.sms_opt_out === 1 ? YES[language] : '',
      ].join(DELIMITER),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function text(value: string): string {
  return quote(/^[=+\-@]/.test(value) ? `'${value}` : value);
}

function quote(value: string): string {
  return /[";\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
