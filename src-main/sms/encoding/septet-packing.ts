/**
 * GSM-7 packing (3GPP TS 23.038 §6.1.2.1.1): septets laid end to end, least
 * significant bit first. Fill bits come first when a user data header precedes
 * the text, so the text starts on a septet boundary counted from the start of the UD.
 */

/** Packs unpacked septets (one per byte, high bit ignored) after `fillBits` zero bits. */
export function packSeptets(septets: Uint8Array, fillBits = 0): Buffer {
  if (!Number.isInteger(fillBits) || fillBits < 0 || fillBits > 6) throw new RangeError('fillBits must be 0–6');
  const packed = Buffer.alloc(Math.ceil((fillBits + septets.length * 7) / 8));
  let bit = fillBits;
  for (const septet of septets) {
    const value = (septet & 0x7f) << (bit & 7);
    const at = bit >> 3;
    packed[at] = (packed[at] ?? 0) | (value & 0xff);
    if (value > 0xff) packed[at + 1] = (packed[at + 1] ?? 0) | (value >> 8);
    bit += 7;
  }
  return packed;
}

/** Reads `count` septets (one per byte) from packed data, skipping `fillBits` first. */
export function unpackSeptets(packed: Uint8Array, count: number, fillBits = 0): Buffer {
  const available = Math.floor((packed.length * 8 - fillBits) / 7);
  const septets = Buffer.alloc(Math.max(0, Math.min(count, available)));
  let bit = fillBits;
  for (let i = 0; i < septets.length; i++) {
    const at = bit >> 3;
    const word = (packed[at] ?? 0) | ((packed[at + 1] ?? 0) << 8);
    septets[i] = (word >> (bit & 7)) & 0x7f;
    bit += 7;
  }
  return septets;
}
