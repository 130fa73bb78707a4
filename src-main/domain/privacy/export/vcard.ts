import { escapeText, foldLine, utcStamp } from '../../clients/content-lines';

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
