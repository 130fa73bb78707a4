import type { smsChannelEn } from './sms-channel-en';

/** Italian texts of the sms-channel screens; merged into messages-it.ts. */
export const smsChannelIt: Record<keyof typeof smsChannelEn, string> = {};
