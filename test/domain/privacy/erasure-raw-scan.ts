import { readFile } from 'node:fs/promises';

/** The ways a name can sit in the file: as typed, lower and upper case, and folded as the search index keeps it (no accents). */
export function nameForms(name: string): string[] {
  const folded = name.normalize('NFD').replace(/\p{M}/gu, '');
  return [...new Set([name, name.toLowerCase(), name.toUpperCase(), folded, folded.toLowerCase(), folded.toUpperCase()])];
}

/** A mobile as E.164, as the digits the search index keeps ("393471234567" and its suffixes), and as the national number. */
export function numberForms(e164: string): string[] {
  const digits = e164.slice(1);
  return [e164, digits, digits.slice(2)];
}

export interface ScanResult {
  /** "promemoria.sqlite-wal: Rossi" for each needle found, file by file. */
  found: string[];
  /** Bytes read, file by file (0 for a missing file). */
  sizes: Record<string, number>;
}

/**
 * Reads the raw bytes of the database file, its write-ahead log and its shared
 * memory index (when present) and says which needles, as UTF-8, appear in them.
 */
export async function scanFiles(databasePath: string, needles: readonly string[]): Promise<ScanResult> {
  const found: string[] = [];
  const sizes: Record<string, number> = {};
  for (const suffix of ['', '-wal', '-shm']) {
    const file = `${databasePath}${suffix}`;
    const name = `promemoria.sqlite${suffix}`;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      sizes[name] = 0;
      continue;
    }
    sizes[name] = bytes.length;
    for (const needle of needles) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${name}: ${needle}`);
  }
  return { found, sizes };
}
