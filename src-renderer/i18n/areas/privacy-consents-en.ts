/** English texts of the privacy panel (consents); merged into messages-en.ts. */
export const privacyConsentsEn = {
  'privacy-consents.tab': 'Consents',
};
