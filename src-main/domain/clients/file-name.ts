/**
 * A file name that every system and e-mail program takes as it is: accents dropped,
 * letters and digits kept, anything else turned into single dashes, lower case
 * ("appuntamenti D'Angelo Nicolò" → "appuntamenti-d-angelo-nicolo").
 */
export function asciiFileName(words: string): string {
  const name = words
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return name === '' ? 'export' : name;
}
