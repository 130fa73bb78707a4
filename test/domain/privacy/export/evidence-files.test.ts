import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEvidenceFiles } from '../../../../src-main/domain/privacy/export/evidence-files';
import { tempDir } from '../../../support/temp-dir';

describe('consent evidence files', () => {
  it('reads the files under the data folder, and only those', async () => {
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    await mkdir(join(dataDir, 'consents'), { recursive: true });
    await writeFile(join(dataDir, 'consents', 'Modulo firmato (Nicolò).PDF'), 'pdf');
    await writeFile(join(dir, 'secret.txt'), 'not office data');
    const read = await readEvidenceFiles(dataDir, [
      { id: 1, evidence_path: 'consents/Modulo firmato (Nicolò).PDF' },
      { id: 2, evidence_path: null },
      { id: 3, evidence_path: '../secret.txt' },
      { id: 4, evidence_path: join(dir, 'secret.txt') },
      { id: 5, evidence_path: join(dataDir, 'consents', 'Modulo firmato (Nicolò).PDF') },
      { id: 6, evidence_path: 'consents/gone.pdf' },
      { id: 7, evidence_path: '.' },
    ]);
    expect(read.files.map((file) => [file.consentId, file.zipPath, Buffer.from(file.bytes).toString()])).toEqual([
      [1, 'evidence/consent-1-modulo-firmato-nicolo.pdf', 'pdf'],
      [5, 'evidence/consent-5-modulo-firmato-nicolo.pdf', 'pdf'],
    ]);
    expect(read.missing).toEqual([3, 4, 6, 7]);
  });
});
