/**
 * The submit_sm for one SMS part. The short_message always goes as a Buffer
 * (header + already-encoded bytes): given a string, the package would pick and
 * apply an encoding of its own.
 */
import type { SmsEncoding } from '../encoding';
import type { SmppAddress } from './smpp-address';
import type smpp from './smpp-package';

export interface SubmitPart {
  source: SmppAddress;
  destination: SmppAddress;
  encoding: SmsEncoding;
  /** GSM-7 as unpacked septets, one per byte, or UCS-2 as UTF-16BE. */
  bytes: Buffer;
  /** The concatenation header, for parts of a longer message. */
  udh?: Buffer;
  deliveryReport: boolean;
  validityMinutes?: number;
}

/** data_coding 0 is "SMSC default alphabet" = GSM-7; 1 would mean IA5 (ASCII) and garble à, è, €. */
const DATA_CODING: Readonly<Record<SmsEncoding, number>> = { gsm7: 0x00, ucs2: 0x08 };
const ESM_CLASS_UDHI = 0x40;
const REGISTERED_DELIVERY_FINAL = 0x01;

export function submitSmFields(part: SubmitPart): smpp.PduFields {
  return {
    source_addr_ton: part.source.ton,
    source_addr_npi: part.source.npi,
    source_addr: part.source.addr,
    dest_addr_ton: part.destination.ton,
    dest_addr_npi: part.destination.npi,
    destination_addr: part.destination.addr,
    esm_class: part.udh === undefined ? 0 : ESM_CLASS_UDHI,
    registered_delivery: part.deliveryReport ? REGISTERED_DELIVERY_FINAL : 0,
    data_coding: DATA_CODING[part.encoding],
    validity_period: part.validityMinutes !== undefined && part.validityMinutes > 0 ? relativeValidity(part.validityMinutes) : '',
    short_message: part.udh === undefined ? part.bytes : Buffer.concat([part.udh, part.bytes]),
  };
}

/**
 * SMPP relative time "YYMMDDhhmmss000R" (§7.1.1). Days are capped at 99, far
 * beyond any reminder's useful life, rather than spilling into months.
 */
export function relativeValidity(minutes: number): string {
  const whole = Math.ceil(minutes);
  const days = Math.min(99, Math.floor(whole / 1440));
  const hours = days === 99 ? 0 : Math.floor((whole % 1440) / 60);
  const mins = days === 99 ? 0 : whole % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `0000${two(days)}${two(hours)}${two(mins)}00000R`;
}
