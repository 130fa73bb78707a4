import type { MethodMap } from './method-spec';

/** The clients module's methods. */
export const clientsMethods = {} as const satisfies MethodMap;
