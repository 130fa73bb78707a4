import type { ImportField } from '../../../contract/clients-import-schemas';

/**
 * Header names, Italian and English, as they are after normalizeHeader(): lower
 * case, no accents, no spaces or punctuation ("E-mail" → "email", "N. cellulare"
 * → "ncellulare").
 */
const NAMES: Record<ImportField, readonly string[]> = {
  firstName: ['nome', 'firstname', 'first', 'givenname', 'forename', 'nomedibattesimo'],
  lastName: ['cognome', 'lastname', 'last', 'surname', 'familyname'],
  mobile: [
    'cellulare', 'cell', 'cel', 'ncellulare', 'nrcellulare', 'numerocellulare', 'telefonocellulare', 'telcellulare',
    'telefonomobile', 'mobile', 'mobilephone', 'mobilenumber', 'cellphone', 'smartphone',
  ],
  email: ['email', 'mail', 'emailaddress', 'indirizzoemail', 'indirizzomail', 'postaelettronica'],
  language: ['lingua', 'linguapreferita', 'language', 'lang', 'idioma'],
  notes: ['note', 'notes', 'annotazioni', 'commenti', 'commento', 'comment', 'comments', 'osservazioni', 'memo'],
};

/**
 * A plain "Telefono" column: taken as the mobile when the file has no mobile
 * column (many offices keep mobiles there), ignored when it has one (then it is
 * likely the landline, which cannot receive SMS).
 */
const PHONE_NAMES: readonly string[] = [
  'telefono', 'tel', 'ntelefono', 'numeroditelefono', 'numerotelefono', 'recapito', 'recapitotelefonico',
  'phone', 'phonenumber', 'telephone',
];

function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The field each column fills, or null for a column to ignore. Each field goes to its first column. */
export function recognizeColumns(headers: readonly string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  const mapping = headers.map((header): ImportField | null => {
    const name = normalizeHeader(header);
    const field = (Object.keys(NAMES) as ImportField[]).find((candidate) => NAMES[candidate].includes(name));
    if (field === undefined || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
  if (!taken.has('mobile')) {
    const phone = headers.findIndex((header) => PHONE_NAMES.includes(normalizeHeader(header)));
    if (phone !== -1) mapping[phone] = 'mobile';
  }
  return mapping;
}
