import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ICON_SIZES, generateIcons, iconOutputs, renderPng } from '../../scripts/generate-icons';
import { REPO_ROOT } from '../support/run-entry';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** RGBA pixels of an 8-bit RGBA, non-interlaced PNG (what resvg writes). */
function pngPixels(png: Buffer): Uint8Array {
  const { width, height } = pngSize(png);
  expect([png[24], png[25], png[28]]).toEqual([8, 6, 0]); // bit depth 8, RGBA, no interlace
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  const at = (array: Uint8Array, index: number, valid: boolean): number => (valid ? (array[index] ?? 0) : 0);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = at(out, y * stride + x - 4, x >= 4);
      const b = at(out, (y - 1) * stride + x, y > 0);
      const c = at(out, (y - 1) * stride + x - 4, x >= 4 && y > 0);
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

describe('app and tray icons (npm run icons)', () => {
  const tempDirs: string[] = [];
  afterAll(async () => {
    for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
  });

  it('has every PNG electron-builder and the tray need, at its pixel size', async () => {
    const files = iconOutputs().map((output) => output.file);
    expect(files).toEqual(
      expect.arrayContaining([
        'assets/icon.png',
        ...APP_ICON_SIZES.map((size) => `assets/icons/${size}x${size}.png`),
        'assets/tray-icon.png',
        'assets/tray-iconTemplate.png',
      ]),
    );
    for (const output of iconOutputs()) {
      const png = await readFile(join(REPO_ROOT, output.file));
      expect(pngSize(png), output.file).toEqual({ width: output.size, height: output.size });
    }
    // electron-builder wants at least 512 px for macOS and 256 px for Windows.
    expect(pngSize(await readFile(join(REPO_ROOT, 'assets/icon.png'))).width).toBeGreaterThanOrEqual(512);
  });

  it('writes the same bytes on every run, and the committed PNGs match the SVGs', async () => {
    const first = await mkdtemp(join(tmpdir(), 'promemoria-icons-'));
    const second = await mkdtemp(join(tmpdir(), 'promemoria-icons-'));
    tempDirs.push(first, second);
    const outputs = await generateIcons(first);
    await generateIcons(second);
    for (const output of outputs) {
      const a = await readFile(join(first, output.file));
      const b = await readFile(join(second, output.file));
      expect(a.equals(b), output.file).toBe(true);
      // The committed PNG shows the current SVG: the same pixels, give or take the
      // anti-aliasing of another platform's resvg build.
      const committed = pngPixels(await readFile(join(REPO_ROOT, output.file)));
      const fresh = pngPixels(a);
      expect(committed.length, output.file).toBe(fresh.length);
      let worst = 0;
      for (let i = 0; i < fresh.length; i++) worst = Math.max(worst, Math.abs((committed[i] ?? 0) - (fresh[i] ?? 0)));
      expect(worst, `${output.file} does not match its SVG: run npm run icons`).toBeLessThanOrEqual(8);
    }
  });

  it('draws the macOS tray template in black and alpha only', async () => {
    const svg = await readFile(join(REPO_ROOT, 'assets/tray-iconTemplate.svg'), 'utf8');
    const pixels = new Resvg(svg, { fitTo: { mode: 'width', value: 32 } }).render().pixels;
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([0, 0, 0]);
      if (pixels[i + 3] === 255) opaque += 1;
    }
    expect(opaque).toBeGreaterThan(100); // a drawing, not an empty square
  });

  it('renders a square PNG of the asked size from any SVG', () => {
    const png = renderPng('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>', 48);
    expect(pngSize(png)).toEqual({ width: 48, height: 48 });
  });

  it('is what electron-builder.yml points at', async () => {
    const config = yaml.load(await readFile(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as {
      icon: string;
      linux: { icon: string };
      win: { icon: string };
      mac: { icon: string };
    };
    for (const file of [config.icon, config.win.icon, config.mac.icon]) {
      expect((await stat(join(REPO_ROOT, file))).isFile(), file).toBe(true);
    }
    expect((await stat(join(REPO_ROOT, config.linux.icon, '512x512.png'))).isFile()).toBe(true);
  });
});
