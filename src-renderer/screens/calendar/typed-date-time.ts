import { civilKey, parseCivilKey } from './civil-date';

/**
 * What people type for a time, read as 24-hour "HH:MM": "9" → "09:00", "930" →
 * "09:30", "9.30" and "9:30" → "09:30". Undefined when it is not a time of day.
 */
export function parseClock(text: string): string | undefined {
  const trimmed = text.trim();
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(trimmed) ?? /^(\d)(\d{2})$/.exec(trimmed);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * A typed date, day first as both Italian and British English write it: "24/11/2026",
 * "24-11-26", "24.11.2026"; an ISO "2026-11-24" is read too. Returns "YYYY-MM-DD".
 */
export function parseTypedDate(text: string): string | undefined {
  const trimmed = text.trim();
  if (parseCivilKey(trimmed)) return trimmed;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(trimmed);
  if (!match) return undefined;
  const year = match[3]?.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  const date = { year, month: Number(match[2]), day: Number(match[1]) };
  const key = civilKey(date);
  return parseCivilKey(key) ? key : undefined;
}

/** "2026-11-24" → "24/11/2026", the way the date fields show it. */
export function formatTypedDate(key: string): string {
  const date = parseCivilKey(key);
  if (!date) return key;
  return `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${String(date.year)}`;
}
