import type { MethodMap } from './method-spec';

/** Nothing left here: the client list moved to clients-methods.ts, the calendar to calendar-methods.ts. */
export const agendaMethods = {} as const satisfies MethodMap;
