import type { MethodMap } from './method-spec';

/** Filled in by the privacy panel's erasure work. */
export const erasureMethods = {} as const satisfies MethodMap;
