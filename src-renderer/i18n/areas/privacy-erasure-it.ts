import type { privacyErasureEn } from './privacy-erasure-en';

/** Italian texts of the privacy panel (erasure); merged into messages-it.ts. */
export const privacyErasureIt: Record<keyof typeof privacyErasureEn, string> = {
  'privacy-erasure.tab': 'Erasure',
};
