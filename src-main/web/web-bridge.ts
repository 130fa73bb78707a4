import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../app/create-core';
import { invokeMethod } from '../app/invoke';
import { WEB_API_PREFIX, WEB_EVENTS_PATH, WEB_TOKEN_PARAM } from '../contract/channels';
import type { ErrorCode, WireError } from '../contract/errors';
import { bearerToken, RequestGuard, type GuardFailure } from './request-guard';
import { readStaticFile } from './static-files';

/** Only loopback: the bridge is for a browser on this same computer. */
export const BRIDGE_HOST = '127.0.0.1';
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SEND_REJECTED: 422,
  INTERNAL: 500,
  TRANSPORT_DOWN: 503,
  STORE_REFUSED: 503,
};

export interface WebBridgeOptions {
  core: Core;
  /** The built UI (vite's output). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed only in tests; a fresh random token otherwise. */
  token?: string;
}

export interface WebBridge {
  port: number;
  token: string;
  /** The link to open: it carries the token. */
  url: string;
  close(): Promise<void>;
}

/** Serves the built UI and the core's API (POST /api/<method>, events on a WebSocket) on 127.0.0.1. */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const server = createServer();
  const port = await listen(server, options.port);
  const guard = new RequestGuard(port, token);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const { core } = options;

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handleRequest(request, response).catch((err: unknown) => {
      core.log.error('web bridge request failed', err);
      if (!response.headersSent) sendError(response, 500, { code: 'INTERNAL', message: 'Internal error' });
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${BRIDGE_HOST}`);
    const refused = guard.checkSource(request);
    if (refused) return sendGuardFailure(response, refused);

    if (url.pathname.startsWith(WEB_API_PREFIX)) {
      if (request.method !== 'POST') {
        response.setHeader('Allow', 'POST');
        return sendError(response, 405, { code: 'VALIDATION', message: 'Use POST' });
      }
      const unauthorized = guard.checkToken(bearerToken(request));
      if (unauthorized) return sendGuardFailure(response, unauthorized);
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
        return sendError(response, 415, { code: 'VALIDATION', message: 'Send JSON (Content-Type: application/json)' });
      }
      const body = await readBody(request);
      if (body === 'too-large') return sendError(response, 413, { code: 'VALIDATION', message: 'Request too large' });
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return sendError(response, 400, { code: 'VALIDATION', message: 'The request body is not valid JSON' });
      }
      const method = url.pathname.slice(WEB_API_PREFIX.length);
      const result = await invokeMethod(core.api, method, input, core.log);
      if (result.ok) return sendJson(response, 200, result.value);
      return sendError(response, STATUS_BY_CODE[result.error.code], result.error);
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(response, 405, { code: 'VALIDATION', message: 'Use GET' });
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) {
      const missingUi = url.pathname === '/';
      response.writeHead(missingUi ? 503 : 404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(missingUi ? 'The user interface is not built yet: run "npm run web", which builds it first.' : 'Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      'Cache-Control': file.cacheable ? 'max-age=31536000, immutable' : 'no-store',
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', `http://${BRIDGE_HOST}`);
    const refused =
      url.pathname !== WEB_EVENTS_PATH
        ? { status: 404 as const, message: 'Not found' }
        : (guard.checkSource(request) ?? guard.checkToken(url.searchParams.get(WEB_TOKEN_PARAM) ?? undefined));
    if (refused) {
      socket.end(`HTTP/1.1 ${refused.status} ${refused.message}\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws: WebSocket) => {
      const unsubscribe = core.events.subscribe((event) => ws.send(JSON.stringify(event)));
      ws.on('close', unsubscribe);
      ws.on('error', unsubscribe);
    });
  });

  return {
    port,
    token,
    url: `http://${BRIDGE_HOST}:${port}/?${WEB_TOKEN_PARAM}=${token}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, BRIDGE_HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Mantine writes its CSS variables into <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ws://${BRIDGE_HOST}:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function readBody(request: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        resolve('too-large');
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

function sendError(response: ServerResponse, status: number, error: WireError): void {
  sendJson(response, status, error);
}

function sendGuardFailure(response: ServerResponse, failure: GuardFailure): void {
  sendError(response, failure.status, { code: failure.code, message: failure.message });
}
