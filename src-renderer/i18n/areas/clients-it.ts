import type { clientsEn } from './clients-en';

/** Italian texts of the clients screens; merged into messages-it.ts. */
export const clientsIt: Record<keyof typeof clientsEn, string> = {};
