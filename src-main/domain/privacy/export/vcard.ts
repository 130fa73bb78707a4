/**
 * One contact as a vCard 3.0 (RFC 2426) file: the version every address book
 * imports (Outlook, Android, iOS, Thunderbird), where 4.0 is still patchy.
 * Name, mobile and e-mail only: the office's notes about the person belong in
 * data.json, not in an address book. Lines end in CRLF and are folded at 75 octets.
 */
export interface VcardContact {
  /** Stable across exports, so importing again updates the contact instead of duplicating it. */
  uid: string;
  firstName: string;
  lastName: string;
  /** E.164. */
  mobile: string | null;
  email: string | null;
  /** When the contact last changed (REV). */
  updatedAt: number;
  productId: string;
}

export function buildVcard(contact: VcardContact): string {
  const fullName = [contact.firstName, contact.lastName].filter((part) => part.trim() !== '').join(' ');
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `PRODID:${escapeText(contact.productId)}`,
    `UID:${escapeText(contact.uid)}`,
    // Family; given; additional; prefixes; suffixes.
    `N:${escapeText(contact.lastName)};${escapeText(contact.firstName)};;;`,
    `FN:${escapeText(fullName === '' ? '-' : fullName)}`,
  ];
  if (contact.mobile) lines.push(`TEL;TYPE=CELL:${escapeText(contact.mobile)}`);
  if (contact.email) lines.push(`EMAIL;TYPE=INTERNET:${escapeText(contact.email)}`);
  lines.push(`REV:${utcStamp(contact.updatedAt)}`, 'END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** TEXT values: backslash, semicolon and comma are escaped, line breaks become "\n". */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** 2026-11-24T08:30:00.000Z → "20261124T083000Z". */
function utcStamp(instant: number): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();

/** Splits a line into 75-octet pieces, never inside a UTF-8 character; continuations start with a space. */
function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line;
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = pieces.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(piece);
      piece = '';
      octets = 0;
    }
    piece += char;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join('\r\n ');
}
