/**
 * Remembers the message ids the SMSC gave for parts that asked for a delivery
 * receipt, and finds the one a receipt is about. Many SMSCs answer submit_sm with
 * a decimal id and write it in hex in the receipt, or the other way round, so a
 * receipt id matches literally, read as hex, or read as decimal.
 */

const HEX = /^[0-9a-f]+$/i;
const DECIMAL = /^[0-9]+$/;

export class SubmittedReferences {
  /** Normalised id → the reference exactly as send() reported it. Insertion order = age. */
  private readonly byKey = new Map<string, string>();

  /** `capacity` bounds memory: the oldest ids are forgotten first (their receipts still arrive, unmatched). */
  constructor(private readonly capacity: number) {}

  remember(reference: string): void {
    const key = normalise(reference);
    this.byKey.delete(key);
    this.byKey.set(key, reference);
    if (this.byKey.size > this.capacity) {
      const oldest = this.byKey.keys().next().value;
      if (oldest !== undefined) this.byKey.delete(oldest);
    }
  }

  /** The remembered reference a receipt id stands for, or undefined. */
  match(receiptId: string): string | undefined {
    for (const key of receiptIdKeys(receiptId)) {
      const reference = this.byKey.get(key);
      if (reference !== undefined) return reference;
    }
    return undefined;
  }

  /** After a final receipt: no further receipt is expected for this reference. */
  forget(reference: string): void {
    this.byKey.delete(normalise(reference));
  }
}

/**
 * The normalised forms a receipt id may match, most literal first: as written,
 * hex read as decimal, decimal written as hex. Exported so stored references can
 * be matched the same way after a restart.
 */
export function receiptIdKeys(receiptId: string): string[] {
  const literal = normalise(receiptId);
  const keys = [literal];
  if (HEX.test(literal)) keys.push(BigInt(`0x${literal}`).toString(10));
  if (DECIMAL.test(literal)) keys.push(BigInt(literal).toString(16));
  return [...new Set(keys)];
}

/** Case and leading zeros carry no meaning in either form. */
function normalise(id: string): string {
  const lower = id.trim().toLowerCase();
  return HEX.test(lower) ? lower.replace(/^0+(?=.)/, '') : lower;
}
