/**
 * Relative validity period (3GPP TS 23.040 §9.2.3.12.1): one octet whose meaning
 * changes by range — 5-minute steps to 12 h, 30-minute steps to 24 h, days to
 * 30 days, weeks to 63 weeks.
 */

const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** The smallest TP-VP octet that covers `minutes` (rounded up, capped at 63 weeks). */
export function relativeValidityOctet(minutes: number): number {
  const m = Math.max(0, Math.ceil(minutes));
  if (m <= 720) return Math.max(0, Math.ceil(m / 5) - 1);
  if (m <= MINUTES_PER_DAY) return 143 + Math.ceil((m - 720) / 30);
  if (m <= 30 * MINUTES_PER_DAY) return 166 + Math.ceil(m / MINUTES_PER_DAY);
  return Math.min(255, 192 + Math.ceil(m / MINUTES_PER_WEEK));
}

