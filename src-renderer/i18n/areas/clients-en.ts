/** English texts of the clients screens; merged into messages-en.ts. */
export const clientsEn = {} as const;
