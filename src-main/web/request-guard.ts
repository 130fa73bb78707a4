import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardFailure = { status: 401 | 403; code: 'UNAUTHORIZED' | 'FORBIDDEN'; message: string };

/**
 * The web bridge's door: the request must name this bridge as its Host (no DNS
 * rebinding), come from the bridge's own page or from no page at all (no other
 * site may call in), and carry the session token printed at start.
 */
export class RequestGuard {
  private readonly allowedHosts: Set<string>;
  private readonly allowedOrigins: Set<string>;
  private readonly token: Buffer;

  constructor(port: number, token: string) {
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.allowedOrigins = new Set([...this.allowedHosts].map((host) => `http://${host}`));
    this.token = Buffer.from(token);
  }

  /** Host and Origin checks, for every request including the UI's files. */
  checkSource(request: IncomingMessage): GuardFailure | undefined {
    const host = request.headers.host ?? '';
    if (!this.allowedHosts.has(host)) {
      return { status: 403, code: 'FORBIDDEN', message: 'Unknown host' };
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !this.allowedOrigins.has(origin)) {
      return { status: 403, code: 'FORBIDDEN', message: 'Requests from other sites are not allowed' };
    }
    return undefined;
  }

  checkToken(presented: string | undefined): GuardFailure | undefined {
    const candidate = Buffer.from(presented ?? '');
    if (candidate.length !== this.token.length || !timingSafeEqual(candidate, this.token)) {
      return { status: 401, code: 'UNAUTHORIZED', message: 'Missing or wrong session token; open the link printed at start' };
    }
    return undefined;
  }
}

export function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
