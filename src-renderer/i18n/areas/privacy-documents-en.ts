/** English texts of the privacy panel (documents); merged into messages-en.ts. */
export const privacyDocumentsEn = {
  'privacy-documents.tab': 'Documents',
};
