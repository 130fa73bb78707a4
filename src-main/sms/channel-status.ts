import type { SmsChannelStatus } from '../contract/schemas';

/**
 * Until a GSM modem or an SMPP account is set up, the office runs on the built-in
 * simulator, and says so wherever the channel is shown.
 */
const simulatorChannelStatus: SmsChannelStatus = {
  kind: 'simulator',
  sendsRealSms: false,
  healthy: true,
  detail: 'Built-in simulator: no SMS leaves this computer until a modem or SMPP account is set up',
};

/** The status of the channel reminders would go through now. */
export function currentChannelStatus(): SmsChannelStatus {
  return simulatorChannelStatus;
}
