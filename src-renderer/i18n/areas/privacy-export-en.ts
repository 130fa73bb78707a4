/** English texts of the privacy panel (export); merged into messages-en.ts. */
export const privacyExportEn = {
  'privacy-export.tab': 'Export',
};
