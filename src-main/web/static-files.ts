import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative as relativePath, resolve } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** index.html must never be cached: it names the hashed assets of the current build. */
  cacheable: boolean;
}

/**
 * The built UI's file for a URL path, or undefined. Paths are resolved inside
 * `root` only: anything that would step outside it is treated as missing.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.includes('\0')) return undefined;
  const base = resolve(root);
  const absolute = resolve(base, relative);
  const inside = relativePath(base, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  try {
    const body = await readFile(absolute);
    const extension = extname(absolute).toLowerCase();
    return {
      body,
      contentType: MIME_TYPES[extension] ?? 'application/octet-stream',
      cacheable: extension !== '.html',
    };
  } catch {
    return undefined;
  }
}
