import type { ChannelConfig, ModemConfig, SmppConfig } from '../../../src-main/contract/sms-schemas';

/** What the form edits: the stored config plus the write-only secrets typed in (empty = keep). */
export interface ChannelDraft {
  config: ChannelConfig;
  smppPassword: string;
  simPin: string;
}

export const emptyModem: ModemConfig = { port: '', baudRate: 115200 };
export const emptySmpp: SmppConfig = {
  host: '',
  port: 2775,
  systemId: '',
  systemType: '',
  sourceAddr: '',
  tls: false,
  windowSize: 10,
  maxMessagesPerSecond: 30,
};

export function draftFrom(config: ChannelConfig): ChannelDraft {
  return { config, smppPassword: '', simPin: '' };
}

/** The update call's input: secrets only when the user typed one. */
export function updateInput(draft: ChannelDraft) {
  return {
    config: draft.config,
    ...(draft.smppPassword !== '' ? { smppPassword: draft.smppPassword } : {}),
    ...(draft.simPin !== '' ? { simPin: draft.simPin } : {}),
  };
}
