import { describe, expect, it } from 'vitest';
import { escapeText } from '../../../../src-main/domain/clients/content-lines';
import { buildVcard } from '../../../../src-main/domain/privacy/export/vcard';

const base = {
  uid: 'client-7-1795510800000@promemoria',
  firstName: 'Nicolò',
  lastName: "D'Angelo",
  mobile: '+393331234567',
  email: 'nicolo@example.it',
  updatedAt: Date.UTC(2026, 10, 24, 8, 30, 15),
  productId: '-//Promemoria//Promemoria 0.1.0//IT',
};

describe('vCard 3.0', () => {
  it('writes the contact with CRLF lines', () => {
    expect(buildVcard(base)).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'PRODID:-//Promemoria//Promemoria 0.1.0//IT',
        'UID:client-7-1795510800000@promemoria',
        "N:D'Angelo;Nicolò;;;",
        "FN:Nicolò D'Angelo",
        'TEL;TYPE=CELL:+393331234567',
        'EMAIL;TYPE=INTERNET:nicolo@example.it',
        'REV:20261124T083015Z',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('escapes backslash, semicolon, comma and line breaks, so a name cannot add fields', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    const card = buildVcard({ ...base, firstName: 'Anna;Maria', lastName: 'Rossi, Bianchi\nTEL:+391111111' });
    expect(card).toContain('N:Rossi\\, Bianchi\\nTEL:+391111111;Anna\\;Maria;;;\r\n');
    expect(card.match(/^TEL/gm)).toHaveLength(1);
  });

  it('leaves out what the client has not given, and never writes an empty name', () => {
    const card = buildVcard({ ...base, firstName: '', lastName: 'Studio Rossi', mobile: null, email: null });
    expect(card).toContain('FN:Studio Rossi\r\n');
    expect(card).not.toMatch(/^(TEL|EMAIL)/m);
    expect(buildVcard({ ...base, firstName: ' ', lastName: '' })).toContain('FN:-\r\n');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const card = buildVcard({ ...base, lastName: 'Àèìòù'.repeat(20) });
    const lines = card.split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    // Unfolding (RFC 2425: remove CRLF followed by a space) gives the line back.
    expect(card.replace(/\r\n /g, '')).toContain(`N:${'Àèìòù'.repeat(20)};Nicolò;;;\r\n`);
  });
});
