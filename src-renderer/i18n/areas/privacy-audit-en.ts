/** English texts of the privacy panel (audit); merged into messages-en.ts. */
export const privacyAuditEn = {
  'privacy-audit.tab': 'Audit',
};
