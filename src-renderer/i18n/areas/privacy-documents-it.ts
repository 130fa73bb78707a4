import type { privacyDocumentsEn } from './privacy-documents-en';

/** Italian texts of the privacy panel (documents); merged into messages-it.ts. */
export const privacyDocumentsIt: Record<keyof typeof privacyDocumentsEn, string> = {
  'privacy-documents.tab': 'Documents',
};
