import type { AgendaItem } from '../../../src-main/contract/schemas';
import { addDays, civilKey, type CivilDate } from './civil-date';
import { officeDateAt } from './office-time';

export interface AgendaDay {
  date: CivilDate;
  key: string;
  items: AgendaItem[];
}

/** The seven days from `weekStart`, each with its appointments in start order (days in the office's zone). */
export function groupByOfficeDay(items: readonly AgendaItem[], weekStart: CivilDate, timeZone: string): AgendaDay[] {
  const days: AgendaDay[] = [];
  const byKey = new Map<string, AgendaDay>();
  for (let offset = 0; offset < 7; offset++) {
    const date = addDays(weekStart, offset);
    const day = { date, key: civilKey(date), items: [] };
    days.push(day);
    byKey.set(day.key, day);
  }
  for (const item of [...items].sort((a, b) => a.start - b.start)) {
    byKey.get(civilKey(officeDateAt(item.start, timeZone)))?.items.push(item);
  }
  return days;
}
