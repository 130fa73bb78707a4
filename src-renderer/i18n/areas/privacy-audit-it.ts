import type { privacyAuditEn } from './privacy-audit-en';

/** Italian texts of the privacy panel (audit); merged into messages-it.ts. */
export const privacyAuditIt: Record<keyof typeof privacyAuditEn, string> = {
  'privacy-audit.tab': 'Audit',
};
