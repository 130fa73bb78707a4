import type { privacyExportEn } from './privacy-export-en';

/** Italian texts of the privacy panel (export); merged into messages-it.ts. */
export const privacyExportIt: Record<keyof typeof privacyExportEn, string> = {
  'privacy-export.tab': 'Export',
};
