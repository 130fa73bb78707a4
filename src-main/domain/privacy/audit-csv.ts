import type { AuditEntry } from '../../contract/audit-methods';
import type { Language, OfficeType } from '../../contract/schemas';
import { utcToZoned } from '../time-zone';
import { auditActionLabel, auditActorLabel } from './audit-actions';

/**
 * The audit log as CSV for Excel, the way the client list is exported: UTF-8 with
 * a BOM, ";" between fields, CRLF, fields quoted when needed, and a cell starting
 * with = + - @ prefixed with an apostrophe so it stays text. Times are the office's
 * wall-clock times ("2026-11-24 10:15:03"), which Excel sorts as they are.
 */
const DELIMITER = ';';

const headers: Record<Language, (zone: string, client: string) => string[]> = {
  it: (zone, client) => [`Data e ora (${zone})`, 'Chi', 'Azione', 'Codice azione', 'Oggetto', 'ID oggetto', `ID ${client}`, client, 'Dettagli'],
  en: (zone, client) => [`Date and time (${zone})`, 'By', 'Action', 'Action code', 'Entity', 'Entity id', `${client} id`, client, 'Detail'],
};
const clientWord: Record<Language, Record<OfficeType, string>> = {
  it: { dental: 'Paziente', legal: 'Cliente', other: 'Cliente' },
  en: { dental: 'Patient', legal: 'Client', other: 'Client' },
};
const erasedWord: Record<Language, string> = { it: '(dati cancellati)', en: '(data erased)' };

export interface AuditCsvOptions {
  language: Language;
  officeType: OfficeType;
  timeZone: string;
}

export function auditCsvHeader({ language, officeType, timeZone }: AuditCsvOptions): string {
  return `\uFEFF${headers[language](timeZone, clientWord[language][officeType]).map(text).join(DELIMITER)}\r\n`;
}

export function auditCsvLines(entries: readonly AuditEntry[], { language, officeType, timeZone }: AuditCsvOptions): string {
  return entries
    .map((entry) =>
      [
        officeDateTime(entry.at, timeZone),
        text(auditActorLabel(entry.actor, language, officeType)),
        text(auditActionLabel(entry.action, language, officeType)),
        text(entry.action),
        text(entry.entity ?? ''),
        entry.entityId === null ? '' : String(entry.entityId),
        entry.client === null ? '' : String(entry.client.id),
        entry.client === null ? '' : text(entry.client.erased ? erasedWord[language] : (entry.client.name ?? '')),
        text(entry.detail ?? ''),
      ].join(DELIMITER) + '\r\n',
    )
    .join('');
}

/** "2026-11-24 10:15:03" on the office's clocks. */
export function officeDateTime(instant: number, timeZone: string): string {
  const t = utcToZoned(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(t.year)}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
}

function text(value: string): string {
  return quote(/^[=+\-@]/.test(value) ? `'${value}` : value);
}

function quote(value: string): string {
  return /[";\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
