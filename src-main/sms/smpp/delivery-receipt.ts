/**
 * Delivery receipts as SMSCs send them in deliver_sm (SMPP 3.4 Appendix B):
 * "id:… sub:… dlvrd:… submit date:… done date:… stat:DELIVRD err:… text:…", and
 * the receipted_message_id / message_state TLVs (§5.3.2.12, §5.3.2.35) when present.
 */
import type { DeliveryState } from '../transport';

export interface ParsedReceipt {
  /** The message ids the receipt names, TLV first (its form usually matches submit_sm_resp), then the text's. */
  messageIds: string[];
  /** As reported, e.g. "DELIVRD", "UNDELIV err:001", or "DELIVERED" from the TLV alone. */
  detail: string;
  state: DeliveryState;
}

export interface ReceiptTlvs {
  receiptedMessageId?: string;
  messageState?: number;
}

const STATE_BY_STAT: Readonly<Record<string, DeliveryState>> = {
  DELIVRD: 'delivered',
  UNDELIV: 'failed',
  REJECTD: 'failed',
  EXPIRED: 'expired',
};

/** message_state values (§5.2.28) with the stat word a receipt text would use. */
const STAT_BY_MESSAGE_STATE: Readonly<Record<number, string>> = {
  1: 'ENROUTE',
  2: 'DELIVRD',
  3: 'EXPIRED',
  4: 'DELETED',
  5: 'UNDELIV',
  6: 'ACCEPTD',
  7: 'UNKNOWN',
  8: 'REJECTD',
};

/** The receipt, or undefined when it names no message at all. */
export function parseDeliveryReceipt(text: string, tlvs: ReceiptTlvs): ParsedReceipt | undefined {
  // Everything after "text:" is the start of the original message, which may itself contain "stat:".
  const fields = text.split(/\btext:/i)[0] ?? '';
  const textId = field(fields, 'id');
  const messageIds = [tlvs.receiptedMessageId, textId].filter((id): id is string => id !== undefined && id !== '');
  if (messageIds.length === 0) return undefined;

  const stat = field(fields, 'stat')?.toUpperCase() ?? statFromTlv(tlvs.messageState);
  if (stat === undefined) return { messageIds: unique(messageIds), detail: 'no status in the receipt', state: 'unknown' };
  const error = field(fields, 'err');
  const detail = error !== undefined && !/^0+$/.test(error) ? `${stat} err:${error}` : stat;
  return { messageIds: unique(messageIds), detail, state: STATE_BY_STAT[stat] ?? 'unknown' };
}

function field(text: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}:(\\S+)`, 'i').exec(text)?.[1];
}

function statFromTlv(messageState: number | undefined): string | undefined {
  return messageState === undefined ? undefined : (STAT_BY_MESSAGE_STATE[messageState] ?? `message_state ${messageState}`);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
