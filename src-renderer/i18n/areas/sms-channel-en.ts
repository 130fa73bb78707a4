/** English texts of the sms-channel screens; merged into messages-en.ts. */
export const smsChannelEn = {} as const;
