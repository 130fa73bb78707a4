import { describe, expect, it } from 'vitest';
import { ExportProgress } from '../../../../src-main/domain/privacy/export/export-progress';

describe('export progress', () => {
  it('reports the start, each whole percent once, and the end', () => {
    const seen: [number, number][] = [];
    const progress = new ExportProgress((done, total) => seen.push([done, total]));
    progress.start(1000);
    for (let i = 0; i < 1000; i++) progress.advance(1);
    progress.finish();
    expect(seen[0]).toEqual([0, 1000]);
    expect(seen.at(-1)).toEqual([1000, 1000]);
    expect(seen.length).toBeLessThanOrEqual(102);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
  });

  it('says nothing without a listener, and never goes past the total', () => {
    new ExportProgress(undefined).start(5);
    const seen: number[] = [];
    const progress = new ExportProgress((done) => seen.push(done));
    progress.start(2);
    progress.advance(5);
    expect(seen.at(-1)).toBe(2);
  });
});
