import type { calendarEn } from './calendar-en';

/** Italian texts of the calendar screens; merged into messages-it.ts. */
export const calendarIt: Record<keyof typeof calendarEn, string> = {};
