import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { RandomSource } from '../../app/random';
import { ApiError } from '../../contract/errors';
import { fileExtension, MAX_EVIDENCE_BYTES } from '../../contract/consents-methods';

/** The folder under the data folder where evidence files live, one subfolder per client. */
export const EVIDENCE_DIR = 'evidence';

const MIME_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  txt: 'text/plain',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

export function evidenceMimeType(path: string): string {
  return MIME_TYPES[fileExtension(path)] ?? 'application/octet-stream';
}

/**
 * Evidence of consent (a scanned form, a saved e-mail) as files beside the
 * database, not in it: `<dataDir>/evidence/<clientId>/<random>.<ext>`, readable by
 * the office's user only (0600, folders 0700). The stored path is relative to the
 * data folder, so a moved or restored folder still finds its files; the name is
 * random, so no person's name ends up in a path, a log or the audit log.
 */
export class ConsentEvidenceFiles {
  constructor(
    private readonly dataDir: string,
    private readonly random: RandomSource,
  ) {}

  /** Writes the file and returns its relative path. Refuses an empty or oversized file with VALIDATION. */
  async save(clientId: number, fileName: string, contentBase64: string): Promise<string> {
    const bytes = Buffer.from(contentBase64, 'base64');
    if (bytes.length === 0) throw new ApiError('VALIDATION', 'evidence.contentBase64: the file is empty', 'evidence.contentBase64');
    if (bytes.length > MAX_EVIDENCE_BYTES) {
      throw new ApiError('VALIDATION', 'evidence.contentBase64: the file is larger than 5 MB', 'evidence.contentBase64');
    }
    const folder = join(this.dataDir, EVIDENCE_DIR, String(clientId));
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const extension = fileExtension(fileName);
    for (let attempt = 0; ; attempt++) {
      const relativePath = [EVIDENCE_DIR, String(clientId), `${this.randomName()}.${extension}`].join('/');
      try {
        // 'wx': never over an existing file (a seeded random source, as in tests, repeats its names after a restart).
        await writeFile(join(this.dataDir, relativePath), bytes, { flag: 'wx', mode: 0o600 });
        // The mode given to open() passes through the umask; chmod sets it exactly.
        await chmod(join(this.dataDir, relativePath), 0o600);
        return relativePath;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 99) throw err;
      }
    }
  }

  async read(relativePath: string): Promise<Buffer> {
    try {
      return await readFile(this.resolve(relativePath));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('NOT_FOUND', 'The evidence file is no longer in the data folder');
      throw err;
    }
  }

  /** Undoes a save whose record could not be written. */
  async remove(relativePath: string): Promise<void> {
    await rm(this.resolve(relativePath), { force: true });
  }

  /** The absolute path, refusing anything that would leave the evidence folder. */
  private resolve(relativePath: string): string {
    const root = resolve(this.dataDir, EVIDENCE_DIR);
    const path = resolve(this.dataDir, relativePath);
    const inside = relative(root, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
      throw new ApiError('NOT_FOUND', 'The evidence file is not in the data folder');
    }
    return path;
  }

  /** 24 hex digits from the core's random source. */
  private randomName(): string {
    let name = '';
    for (let i = 0; i < 4; i++) name += Math.floor(this.random.next() * 0x1000000).toString(16).padStart(6, '0');
    return name;
  }
}
