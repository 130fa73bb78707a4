/**
 * Phone numbers and sender names as SMPP carries them: digits plus a type of
 * number (TON) and numbering plan (NPI), SMPP 3.4 §5.2.5–5.2.6.
 */

export interface SmppAddress {
  ton: number;
  npi: number;
  addr: string;
}

const TON_UNKNOWN = 0;
const TON_INTERNATIONAL = 1;
const TON_ALPHANUMERIC = 5;
const NPI_UNKNOWN = 0;
const NPI_E164 = 1;

/** "+393331234567" → international 393331234567; anything else goes as written, TON unknown. */
export function destinationAddress(number: string): SmppAddress {
  const compact = number.replace(/[\s.\-()]/g, '');
  if (/^\+\d+$/.test(compact)) return { ton: TON_INTERNATIONAL, npi: NPI_E164, addr: compact.slice(1) };
  if (/^00\d+$/.test(compact)) return { ton: TON_INTERNATIONAL, npi: NPI_E164, addr: compact.slice(2) };
  return { ton: TON_UNKNOWN, npi: NPI_E164, addr: compact };
}

/** The sender: a number as for destinations, or a name ("Studio Rossi", at most 11 characters on handsets). */
export function sourceAddress(sender: string): SmppAddress {
  if (sender === '') return { ton: TON_UNKNOWN, npi: NPI_UNKNOWN, addr: '' };
  if (/^\+?[\d\s]+$/.test(sender)) return destinationAddress(sender);
  return { ton: TON_ALPHANUMERIC, npi: NPI_UNKNOWN, addr: sender };
}

/** An incoming sender as the app shows it: E.164 when the SMSC says it is international. */
export function inboundSender(addr: string, ton: number): string {
  if (ton === TON_INTERNATIONAL && /^\d+$/.test(addr)) return `+${addr}`;
  return addr;
}
