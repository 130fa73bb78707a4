import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the Electron main process and the preload into dist/main (`npm run build`,
 * after vite has built the UI into dist/renderer). Bundling keeps the packaged app
 * free of our TypeScript sources and lets the sandboxed preload, which can only
 * `require('electron')`, be one self-contained file.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const outDir = `${repoRoot}dist/main`;

const shared: BuildOptions = {
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
};

await build({
  ...shared,
  entryPoints: ['src-main/electron/main.ts'],
  outfile: `${outDir}/electron-main.cjs`,
  target: 'node20',
  external: [
    'electron',
    // Native modules stay in node_modules (their .node binaries are unpacked from the asar).
    'sqlite3',
    'serialport',
    '@serialport/*',
    // ws's optional native speed-ups: absent on purpose, and ws copes without them.
    'bufferutil',
    'utf-8-validate',
  ],
});

const preloadFile = `${outDir}/preload.cjs`;
await build({
  ...shared,
  entryPoints: ['src-main/electron/preload.ts'],
  outfile: preloadFile,
  // Runs in the renderer's Chromium, whatever the platform flag says about module resolution.
  target: 'chrome130',
  external: ['electron'],
});

// A sandboxed preload cannot load any other module: fail the build, not the app's start.
const preloadRequires = (await readFile(preloadFile, 'utf8')).match(/\brequire\(\s*["'][^"']*["']\s*\)/g) ?? [];
const forbidden = preloadRequires.filter((call) => !/^require\(\s*["']electron["']\s*\)$/.test(call));
if (forbidden.length > 0) {
  console.error(`preload.cjs must only require("electron"), but it has: ${forbidden.join(', ')}`);
  process.exit(1);
}
