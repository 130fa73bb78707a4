import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createCore, type Core } from '../../src-main/app/create-core';
import { silentLogger } from '../../src-main/app/logger';
import { startWebBridge, type WebBridge } from '../../src-main/web/web-bridge';
import { rawRequest } from '../support/http';

let dir: string;
let core: Core;
let bridge: WebBridge;
let origin: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promemoria-bridge-'));
  const rendererDir = join(dir, 'ui');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Promemoria</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'not for the browser');
  core = await createCore({ dataDir: join(dir, 'data'), log: silentLogger, systemTimeZone: 'Europe/Rome' });
  // A trailing separator, as a configured path may have, must not hide every file.
  bridge = await startWebBridge({ core, rendererDir: `${rendererDir}/`, port: 0 });
  origin = `http://127.0.0.1:${bridge.port}`;
});

afterAll(async () => {
  await bridge.close();
  await core.dispose();
  await rm(dir, { recursive: true, force: true });
});

function call(method: string, body: unknown, headers: Record<string, string> = {}) {
  return rawRequest(bridge.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      Host: `127.0.0.1:${bridge.port}`,
      'Content-Type': 'application/json',
      Authorization: `Bearer ${bridge.token}`,
      Origin: origin,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

describe('web bridge', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a valid call with the method output', async () => {
    const response = await call('settings.get', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ officeType: 'dental', timeZone: 'Europe/Rome', defaultRegion: 'IT' });
  });

  it('answers 401 without the session token, and with a wrong one', async () => {
    const missing = await call('app.info', {}, { Authorization: '' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ code: 'UNAUTHORIZED' });
    const wrong = await call('app.info', {}, { Authorization: `Bearer ${bridge.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain(bridge.token);
  });

  it('answers 403 to a request from another site, even with the token', async () => {
    const response = await call('app.info', {}, { Origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'FORBIDDEN' });
    const otherPort = await call('app.info', {}, { Origin: `http://127.0.0.1:${bridge.port + 1}` });
    expect(otherPort.status).toBe(403);
  });

  it('answers 403 to a request naming another host (DNS rebinding)', async () => {
    const response = await call('app.info', {}, { Host: `evil.example:${bridge.port}` });
    expect(response.status).toBe(403);
    const page = await rawRequest(bridge.port, { path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('answers 400 VALIDATION naming the field at fault', async () => {
    const badLimit = await call('clients.list', { query: 'ross', limit: 0 });
    expect(badLimit.status).toBe(400);
    expect(JSON.parse(badLimit.body)).toMatchObject({ code: 'VALIDATION', field: 'limit' });

    const badZone = await call('settings.update', { timeZone: 'Mars/Olympus_Mons' });
    expect(badZone.status).toBe(400);
    expect(JSON.parse(badZone.body)).toMatchObject({ code: 'VALIDATION', field: 'timeZone' });
    expect(JSON.parse(badZone.body).message).toMatch(/time zone/);

    const badRange = await call('appointments.list', { from: 2000, to: 1000 });
    expect(JSON.parse(badRange.body)).toMatchObject({ code: 'VALIDATION', field: 'to' });

    const notJson = await rawRequest(bridge.port, {
      method: 'POST',
      path: '/api/app.info',
      headers: { Host: `127.0.0.1:${bridge.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ code: 'VALIDATION' });
  });

  it('answers 404 for a method the contract does not declare', async () => {
    const response = await call('clients.dropAll', {});
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves the built UI with a strict CSP, and nothing outside it', async () => {
    const page = await rawRequest(bridge.port, { path: '/', headers: { Host: `127.0.0.1:${bridge.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Promemoria</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("object-src 'none'");
    const script = await rawRequest(bridge.port, { path: '/assets/app.js', headers: { Host: `127.0.0.1:${bridge.port}` } });
    expect(script.headers['content-type']).toMatch(/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const escape = await rawRequest(bridge.port, { path, headers: { Host: `127.0.0.1:${bridge.port}` } });
      expect(escape.status, path).toBe(404);
      expect(escape.body).not.toContain('not for the browser');
    }
  });

  it('pushes events to a WebSocket that has the token, and refuses one without it', async () => {
    const eventsUrl = `ws://127.0.0.1:${bridge.port}/api/events`;
    const socket = new WebSocket(`${eventsUrl}?token=${bridge.token}`, { headers: { Origin: origin } });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const received = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    expect((await call('settings.update', { officeName: 'Studio Legale Verdi' })).status).toBe(200);
    expect(await received).toMatchObject({ event: 'settings.changed', payload: { officeName: 'Studio Legale Verdi' } });
    socket.close();

    for (const [url, headers] of [
      [eventsUrl, { Origin: origin }],
      [`${eventsUrl}?token=${bridge.token}`, { Origin: 'http://evil.example' }],
    ] as const) {
      const refused = new WebSocket(url, { headers });
      const status = await new Promise<number | undefined>((resolve) => {
        refused.once('unexpected-response', (_req, res) => resolve(res.statusCode));
        refused.once('error', () => resolve(undefined));
      });
      expect([401, 403]).toContain(status);
    }
  });

  it('listens on 127.0.0.1 only: not on the other addresses of this computer', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address!.address);
    others.push('::1');
    for (const host of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host, port: bridge.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      });
      expect(outcome, `${host}:${bridge.port}`).not.toBe('connected');
    }
    const local = await rawRequest(bridge.port, { path: '/', headers: { Host: `127.0.0.1:${bridge.port}` } });
    expect(local.status).toBe(200);
  });
});
