/** English texts of the privacy panel (erasure); merged into messages-en.ts. */
export const privacyErasureEn = {
  'privacy-erasure.tab': 'Erasure',
};
