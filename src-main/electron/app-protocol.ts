import { protocol } from 'electron';
import { readStaticFile } from '../web/static-files';

/**
 * The UI is served from `app://promemoria/` rather than `file://`: a real origin
 * for CSP `'self'`, storage and sender checks, and no file-system reach for the page.
 */
const APP_SCHEME = 'app';
const APP_HOST = 'promemoria';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Sent with every response. `'unsafe-inline'` for styles only: Mantine writes its
 * CSS variables into <style> elements at run time. Same policy as the web bridge,
 * minus its WebSocket (IPC needs no network).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
} as const;

/**
 * True for URLs of our UI. Compared by scheme and host, not `URL.origin`: Node's
 * URL reports the origin of a non-special scheme such as app: as "null".
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Must run before the app's `ready` event: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: relative URLs and a real origin; secure: a secure context like https;
      // supportFetchAPI: fetch() of our own files; codeCache: V8 caches the bundle between starts.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/**
 * Answers `app://promemoria/<path>` with the file of the built UI in `rendererDir`.
 * The path rules (no way out of the folder, MIME types) are the web bridge's, so
 * both ways of opening the UI serve exactly the same files. Call after `ready`.
 */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(rendererDir, request));
}

async function respond(rendererDir: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return plain(404, 'Not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = await readStaticFile(rendererDir, url.pathname);
  if (!file) return plain(404, 'Not found');
  return new Response(file.body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
