/**
 * The fields of a deliver_sm read straight from its bytes, using the package's
 * own parameter definitions but none of its text filters: short_message must stay
 * raw bytes so multipart texts can be joined before decoding (a UCS-2 surrogate
 * pair or a GSM-7 escape may straddle two parts).
 */
import smpp from './smpp-package';

export interface DeliverSmBody {
  sourceAddr: string;
  sourceAddrTon: number;
  esmClass: number;
  dataCoding: number;
  /** short_message, or the message_payload TLV when short_message is empty (§5.3.2.32). */
  userData: Buffer;
  /** Optional parameters by tag, raw. */
  tlvs: Map<number, Buffer>;
}

const HEADER_LENGTH = 16;
const TLV_MESSAGE_PAYLOAD = 0x0424;

export function readDeliverSmBody(frame: Buffer): DeliverSmBody {
  const params = smpp.commands.deliver_sm?.params ?? {};
  const values = new Map<string, unknown>();
  let offset = HEADER_LENGTH;
  for (const [name, { type }] of Object.entries(params)) {
    if (offset >= frame.length) break;
    const value = type.read(frame, offset);
    values.set(name, value);
    offset += type.size(value);
  }
  const tlvs = new Map<number, Buffer>();
  while (offset + 4 <= frame.length) {
    const tag = frame.readUInt16BE(offset);
    const length = frame.readUInt16BE(offset + 2);
    tlvs.set(tag, frame.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  const shortMessage = values.get('short_message');
  const userData = Buffer.isBuffer(shortMessage) && shortMessage.length > 0 ? shortMessage : tlvs.get(TLV_MESSAGE_PAYLOAD);
  return {
    sourceAddr: stringValue(values.get('source_addr')),
    sourceAddrTon: numberValue(values.get('source_addr_ton')),
    esmClass: numberValue(values.get('esm_class')),
    dataCoding: numberValue(values.get('data_coding')),
    userData: userData ?? Buffer.alloc(0),
    tlvs,
  };
}

function stringValue(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberValue(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}
