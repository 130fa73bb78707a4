/**
 * A stored E.164 number grouped for reading: "+393331234567" → "+39 333 123 4567".
 * Only Italian numbers are grouped; other countries group digits differently, and a
 * number shown as stored is better than one grouped wrongly.
 */
export function formatMobile(e164: string): string {
  if (!/^\+39\d{9,}$/.test(e164)) return e164;
  return `+39 ${e164.slice(3, 6)} ${e164.slice(6, 9)} ${e164.slice(9)}`;
}
