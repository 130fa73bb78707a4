/**
 * The user data header that ties the parts of a concatenated SMS together
 * (3GPP TS 23.040 §9.2.3.24.1: information element 00, 8-bit reference).
 */

/** UDH length 05, IEI 00, IE length 03, reference, total parts, this part's index (1-based). */
export function concatUdh(reference: number, total: number, index: number): Buffer {
  if (!Number.isInteger(reference) || reference < 0 || reference > 255) {
    throw new RangeError('Concatenation reference must be 0–255');
  }
  if (!Number.isInteger(total) || total < 1 || total > 255) throw new RangeError('Total parts must be 1–255');
  if (!Number.isInteger(index) || index < 1 || index > total) throw new RangeError('Part index must be 1–total');
  return Buffer.from([0x05, 0x00, 0x03, reference, total, index]);
}

export interface ConcatInfo {
  reference: number;
  total: number;
  index: number;
}

/**
 * Concatenation info from a whole UDH (length octet included), or undefined when the
 * header carries none. Both the 8-bit (IEI 00) and 16-bit (IEI 08) forms are read,
 * since phones send either.
 */
export function readConcatInfo(udh: Uint8Array): ConcatInfo | undefined {
  const end = 1 + (udh[0] ?? 0);
  let at = 1;
  while (at + 1 < end && at + 1 < udh.length) {
    const iei = udh[at] ?? 0;
    const length = udh[at + 1] ?? 0;
    const data = udh.subarray(at + 2, at + 2 + length);
    if (iei === 0x00 && length === 3 && data.length === 3) {
      return { reference: data[0] ?? 0, total: data[1] ?? 0, index: data[2] ?? 0 };
    }
    if (iei === 0x08 && length === 4 && data.length === 4) {
      return { reference: ((data[0] ?? 0) << 8) | (data[1] ?? 0), total: data[2] ?? 0, index: data[3] ?? 0 };
    }
    at += 2 + length;
  }
  return undefined;
}
