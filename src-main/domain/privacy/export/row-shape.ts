import type { StoredRow } from '../../../db/repositories/privacy-export-repository';

/** A row as data.json holds it. */
export type JsonRow = Record<string, unknown>;

/** Stored as 0 or 1 (CHECK … IN (0, 1)); exported as false or true. */
const BOOLEAN_COLUMNS = new Set(['sms_opt_out', 'active', 'outcome_uncertain', 'held_by_staff', 'forced', 'granted']);
/** Stored as JSON text (table.column); exported as the JSON itself. */
const JSON_COLUMNS = new Set(['settings.value', 'staff.working_hours', 'reminder_rules.staff_ids', 'reminder_rules.room_ids']);

/** Instants are stored as UTC epoch milliseconds in "at" and "…_at" columns. */
export function isInstantColumn(column: string): boolean {
  return column === 'at' || column.endsWith('_at');
}

/** 1764000000000 → "2025-11-24T16:00:00.000Z": readable, and what every other system parses. */
export function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** "sms_opt_out" → "smsOptOut". */
export function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * One stored row for data.json, every column kept: instants as ISO 8601 UTC strings,
 * 0/1 flags as booleans, JSON text as JSON; anything else (including columns later
 * migrations add) goes out as stored. Names in camelCase for the client export (a
 * document for a person), or as stored for the whole-office export (a dump whose
 * CSV files carry the same names).
 */
export function jsonRow(table: string, row: StoredRow, names: 'camelCase' | 'stored' = 'camelCase'): JsonRow {
  const out: JsonRow = {};
  for (const [column, value] of Object.entries(row)) out[names === 'camelCase' ? camelCase(column) : column] = jsonValue(table, column, value);
  return out;
}

/** One value converted as jsonRow does; the whole-office CSVs use it with the stored column names. */
export function jsonValue(table: string, column: string, value: StoredRow[string]): unknown {
  if (value === null) return null;
  if (typeof value === 'number' && isInstantColumn(column) && Number.isFinite(new Date(value).getTime())) return isoInstant(value);
  if (typeof value === 'number' && BOOLEAN_COLUMNS.has(column)) return value === 1;
  if (typeof value === 'string' && JSON_COLUMNS.has(`${table}.${column}`)) return parseJson(value);
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
