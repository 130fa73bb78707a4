import type { MethodMap } from './method-spec';

/** Filled in by the privacy panel's consents work. */
export const consentsMethods = {} as const satisfies MethodMap;
