import { readFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import { asciiFileName } from '../../clients/file-name';

export interface EvidenceFile {
  consentId: number;
  /** Where it goes in the ZIP: "evidence/consent-12-modulo-privacy.pdf". */
  zipPath: string;
  bytes: Uint8Array;
}

export interface EvidenceRead {
  files: EvidenceFile[];
  /** Consents whose file is missing, unreadable or outside the data folder. */
  missing: number[];
}

/**
 * Reads the consent evidence files (a scanned form, an e-mail) the ledger names.
 * Their paths are relative to the office data folder; a path that leads outside it
 * is not followed, so a tampered ledger row cannot pull another file of the PC into
 * an export. A file that cannot be read is reported, not fatal: the export still
 * holds everything else, and says which document is missing.
 */
export async function readEvidenceFiles(dataDir: string, consents: readonly { id: number; evidence_path: string | null }[]): Promise<EvidenceRead> {
  const files: EvidenceFile[] = [];
  const missing: number[] = [];
  const root = resolve(dataDir);
  for (const { id, evidence_path: stored } of consents) {
    if (stored === null || stored.trim() === '') continue;
    const path = resolve(root, stored);
    const inside = relative(root, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      missing.push(id);
      continue;
    }
    try {
      files.push({ consentId: id, zipPath: evidenceZipPath(id, path), bytes: await readFile(path) });
    } catch {
      missing.push(id);
    }
  }
  return { files, missing };
}

/** "Modulo privacy Nicolò.PDF" of consent 12 → "evidence/consent-12-modulo-privacy-nicolo.pdf". */
function evidenceZipPath(consentId: number, path: string): string {
  const extension = extname(path).toLowerCase().replace(/[^a-z0-9.]/g, '').slice(0, 10);
  const stem = asciiFileName(basename(path, extname(path)));
  return `evidence/consent-${consentId}-${stem}${extension}`;
}
