/**
 * The renderer bundle (DESIGN.md section 6: ≤ 400 KB gzip for the first screen).
 * The UI is built as `npm run web` builds it (vite.config.ts, NODE_ENV=production),
 * but into a folder of the benchmark's own rather than dist/renderer, which a test
 * run beside it may be serving or rebuilding. The same build is then served to
 * Chromium for the UI timings (ui-bench.ts).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../support/run-entry';

export interface BuiltFile {
  /** Relative to the build folder, with forward slashes: "assets/index-ab12.js". */
  path: string;
  bytes: number;
  gzipBytes: number;
  /** What vite built it from ("index.html" for the entry, "…/@event-calendar/core/dist/index.js"). */
  source: string | undefined;
}

export interface RendererBuild {
  dir: string;
  buildMs: number;
  /** Every .js and .css file of the build. */
  files: BuiltFile[];
  /** The JS and CSS index.html itself loads: its module script, stylesheets and modulepreloads. */
  initial: string[];
}

/** Builds the UI into `outDir` with vite, in its own process as the e2e setup does, with a manifest to name the chunks. */
export async function buildRenderer(outDir: string): Promise<RendererBuild> {
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const start = performance.now();
  await promisify(execFile)(process.execPath, [viteBin, 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir', '--manifest'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const buildMs = performance.now() - start;

  const sources = new Map<string, string>();
  const manifest = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; css?: string[] }>;
  for (const [source, chunk] of Object.entries(manifest)) {
    sources.set(chunk.file, source);
    for (const css of chunk.css ?? []) sources.set(css, `${source} (CSS)`);
  }

  const files: BuiltFile[] = [];
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(js|css)$/.test(entry.name)) continue;
    const absolute = join(entry.parentPath, entry.name);
    const path = absolute.slice(outDir.length + 1).split(/[\\/]/).join('/');
    if (path.startsWith('.vite/')) continue;
    const body = await readFile(absolute);
    files.push({ path, bytes: body.length, gzipBytes: gzipSync(body).length, source: sources.get(path) });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { dir: outDir, buildMs, files, initial: initialAssets(await readFile(join(outDir, 'index.html'), 'utf8')) };
}

/**
 * The JS and CSS the built index.html loads before any script runs: `<script src>`,
 * `<link rel="stylesheet">` and `<link rel="modulepreload">`, as paths in the build.
 */
export function initialAssets(html: string): string[] {
  const found = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    const isScript = /^<script/i.test(tag);
    const rel = attribute('rel')?.toLowerCase() ?? '';
    const url = isScript ? attribute('src') : ['stylesheet', 'modulepreload'].includes(rel) ? attribute('href') : undefined;
    if (url && !/^[a-z]+:/i.test(url)) found.add(posix.normalize(url.replace(/^\.?\//, '')));
  }
  return [...found];
}

/** The summed gzip size of some of the build's files (paths as in BuiltFile.path). */
export function gzipTotal(build: RendererBuild, paths: Iterable<string>): { bytes: number; gzipBytes: number; files: BuiltFile[] } {
  const wanted = new Set(paths);
  const files = build.files.filter((file) => wanted.has(file.path));
  const missing = [...wanted].filter((path) => !files.some((file) => file.path === path) && /\.(js|css)$/.test(path));
  if (missing.length > 0) throw new Error(`not in the build: ${missing.join(', ')}`);
  return {
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    files,
  };
}
