import type { MethodMap } from './method-spec';

/** Filled in by the privacy panel's privacy-documents work. */
export const privacyDocumentsMethods = {} as const satisfies MethodMap;
