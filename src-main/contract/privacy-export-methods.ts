import type { MethodMap } from './method-spec';

/** Filled in by the privacy panel's privacy-export work. */
export const privacyExportMethods = {} as const satisfies MethodMap;
