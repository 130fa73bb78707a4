import type { MethodMap } from './method-spec';

/** Filled in by the privacy panel's audit work. */
export const auditMethods = {} as const satisfies MethodMap;
