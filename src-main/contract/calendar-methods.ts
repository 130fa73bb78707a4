import type { MethodMap } from './method-spec';

/** The calendar module's methods. */
export const calendarMethods = {} as const satisfies MethodMap;
