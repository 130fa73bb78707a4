/**
 * Renders the app and tray icons from their SVG sources in assets/ to the PNG
 * files electron-builder and the tray need: `npm run icons`. The PNGs are build
 * inputs and are committed; run this again after editing an SVG.
 *
 * Rasterizer: @resvg/resvg-js (resvg, a Rust SVG renderer, with prebuilt binaries
 * as optional dependencies: no install scripts, no system packages). Output is the
 * same bytes on every run: no time stamps or text chunks are written.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Sizes of the Linux icon set (assets/icons/NxN.png); the 512 one also feeds Windows and macOS. */
export const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

export interface IconOutput {
  /** SVG source, relative to the repository root. */
  source: string;
  /** PNG written, relative to the repository root. */
  file: string;
  size: number;
}

/** Every PNG this script writes. Small app icons come from a simplified drawing. */
export function iconOutputs(): IconOutput[] {
  return [
    ...APP_ICON_SIZES.map((size) => ({
      source: size <= 32 ? 'assets/icon-small.svg' : 'assets/icon.svg',
      file: `assets/icons/${size}x${size}.png`,
      size,
    })),
    { source: 'assets/icon.svg', file: 'assets/icon.png', size: 1024 },
    { source: 'assets/tray-icon.svg', file: 'assets/tray-icon.png', size: 16 },
    { source: 'assets/tray-icon.svg', file: 'assets/tray-icon@2x.png', size: 32 },
    { source: 'assets/tray-iconTemplate.svg', file: 'assets/tray-iconTemplate.png', size: 16 },
    { source: 'assets/tray-iconTemplate.svg', file: 'assets/tray-iconTemplate@2x.png', size: 32 },
  ];
}

/** One SVG to a square PNG of `size` pixels. */
export function renderPng(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  });
  return Buffer.from(resvg.render().asPng());
}

/** Renders every output under `root` and returns what it wrote. */
export async function generateIcons(root: string = REPO_ROOT): Promise<IconOutput[]> {
  const sources = new Map<string, string>();
  const outputs = iconOutputs();
  for (const output of outputs) {
    let svg = sources.get(output.source);
    if (svg === undefined) {
      svg = await readFile(join(REPO_ROOT, output.source), 'utf8');
      sources.set(output.source, svg);
    }
    const target = join(root, output.file);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, renderPng(svg, output.size));
  }
  return outputs;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await generateIcons();
  for (const output of written) console.log(`${output.file} (${output.size}×${output.size})`);
}
