import type { privacyConsentsEn } from './privacy-consents-en';

/** Italian texts of the privacy panel (consents); merged into messages-it.ts. */
export const privacyConsentsIt: Record<keyof typeof privacyConsentsEn, string> = {
  'privacy-consents.tab': 'Consents',
};
