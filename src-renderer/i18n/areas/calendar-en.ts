/** English texts of the calendar screens; merged into messages-en.ts. */
export const calendarEn = {} as const;
