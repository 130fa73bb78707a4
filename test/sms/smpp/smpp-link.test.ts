/**
 * Binding, keeping the link alive and closing, against the Perl SMSC (Net::SMPP).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../../support/temp-dir';
import { PASSWORD, sleep, smppFixture, sms, waitForLink, waitUntil } from './smpp-fixture';

const run = promisify(execFile);

describe('SMPP bind', () => {
  it('binds as a transceiver with the system id, password and system type', async () => {
    const { smsc, transport } = await smppFixture({ settings: { systemType: 'reminders' } });
    const stats = await smsc.stats();
    expect(stats.last_bind).toEqual({ system_id: 'promemoria', system_type: 'reminders', interface_version: 0x34 });
    expect(transport.status()).toMatchObject({ state: 'up', detail: expect.stringContaining('Bound to 127.0.0.1:') });
  });

  it('reports a wrong password clearly and does not retry it in a loop', async () => {
    const wrongPassword = 'not-the-right-one';
    const { smsc, transport, events } = await smppFixture({
      settings: { password: wrongPassword, reconnectInitialMs: 10, reconnectMaxMs: 60_000 },
      start: false,
    });
    transport.start();
    await waitUntil(() => transport.status().lastError !== undefined);

    const status = transport.status();
    expect(status.state).toBe('down');
    expect(status.lastError).toContain('ESME_RINVPASWD');
    expect(status.lastError).toContain('password');
    await sleep(500); // a retry storm would show up as many binds by now
    expect((await smsc.stats()).binds).toBe(1);

    const outcome = await transport.send(sms('Promemoria: domani alle 10'));
    expect(outcome).toMatchObject({ ok: false, retryable: true, code: 'LINK_DOWN' });
    expect(JSON.stringify(events)).not.toContain(wrongPassword);
  });

  it('reports an unknown system id', async () => {
    const { transport } = await smppFixture({ settings: { systemId: 'nobody' }, start: false });
    transport.start();
    await waitUntil(() => transport.status().lastError !== undefined);
    expect(transport.status().lastError).toContain('ESME_RINVSYSID');
  });

  it('retries an unreachable SMSC with growing delays', async () => {
    const { smsc, transport } = await smppFixture({
      settings: { reconnectInitialMs: 40, reconnectMaxMs: 10_000 },
      start: false,
    });
    await smsc.stop(); // nothing listens on the port any more
    const attempts: number[] = [];
    transport.subscribe((e) => {
      if (e.type === 'status' && e.status.state === 'connecting') attempts.push(performance.now());
    });
    transport.start();
    await waitUntil(() => attempts.length >= 5);

    const gaps = attempts.slice(1).map((at, i) => at - (attempts[i] ?? at));
    // 40 ms doubling, each scaled by [0.5, 1): the fourth gap (160–320 ms) always beats the first (20–40 ms).
    expect(gaps[3]).toBeGreaterThan((gaps[0] ?? 0) * 2);
    expect(transport.status().lastError).toContain('Cannot connect');
  });
});

describe('SMPP link watchdog', () => {
  it('drops and rebinds when the SMSC stops answering enquire_link', async () => {
    const { smsc, transport, events } = await smppFixture({
      settings: { enquireLinkIntervalMs: 100, enquireLinkTimeoutMs: 200 },
    });
    await smsc.waitFor((s) => s.enquire_links >= 1); // answered while healthy
    await smsc.answerEnquireLink(false);

    await waitUntil(() => events.some((e) => e.type === 'status' && e.status.state === 'down'));
    expect(transport.status().lastError ?? '').toContain('enquire_link');
    await waitForLink(transport, 'up');
    const stats = await smsc.stats();
    expect(stats.connections).toBe(2);
    expect(stats.enquire_links_ignored).toBeGreaterThanOrEqual(1);
    expect(await transport.send(sms('dopo la riconnessione'))).toMatchObject({ ok: true });
  });

  it('answers the link loss of a dropped connection with a rebind', async () => {
    const { smsc, transport } = await smppFixture();
    await smsc.drop();
    await waitUntil(() => transport.status().state !== 'up');
    await waitForLink(transport, 'up');
    expect((await smsc.stats()).connections).toBe(2);
  });
});

describe('SMPP close', () => {
  it('waits for in-flight submits, unbinds and leaves no timer running', async () => {
    const { smsc, transport, pendingTimers } = await smppFixture();
    await smsc.delay(150);
    const inFlight = transport.send(sms('risposta in arrivo'));
    await smsc.waitFor((s) => s.submits.length === 1);

    await transport.close();
    expect(await inFlight).toMatchObject({ ok: true });
    const stats = await smsc.stats();
    expect(stats.unbinds).toBe(1);
    expect(transport.status().state).toBe('closed');
    expect(pendingTimers()).toBe(0);
    expect(await transport.send(sms('dopo la chiusura'))).toMatchObject({ ok: false, retryable: true, code: 'LINK_DOWN' });
  });

  it('closes while still trying to bind', async () => {
    const { transport } = await smppFixture({ settings: { password: `${PASSWORD}-wrong` }, start: false });
    transport.start();
    await transport.close();
    expect(transport.status().state).toBe('closed');
  });
});

describe('SMPP over TLS', () => {
  it('binds and submits through TLS when asked to', async () => {
    const { key, cert } = await selfSignedCertificate();
    let smscPort = 0;
    const front = tls.createServer({ key, cert }, (secure) => {
      const plain = net.connect(smscPort, '127.0.0.1');
      secure.pipe(plain).pipe(secure);
      const end = () => {
        secure.destroy();
        plain.destroy();
      };
      secure.on('error', end).on('close', end);
      plain.on('error', end).on('close', end);
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => front.close(() => resolve())));
    const frontPort = (front.address() as net.AddressInfo).port;

    const { smsc, transport } = await smppFixture({
      settings: { port: frontPort, tls: true, tlsOptions: { ca: cert, servername: 'localhost' } },
      start: false,
    });
    smscPort = smsc.port;
    transport.start();
    await waitForLink(transport, 'up');
    expect(transport.status().detail).toContain('(TLS)');
    expect(await transport.send(sms('cifrato'))).toMatchObject({ ok: true });
    expect((await smsc.stats()).submits).toHaveLength(1);
  });

  it('refuses a server certificate it cannot verify', async () => {
    const { key, cert } = await selfSignedCertificate();
    const front = tls.createServer({ key, cert }, (secure) => secure.destroy());
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => front.close(() => resolve())));
    const { transport } = await smppFixture({
      settings: { port: (front.address() as net.AddressInfo).port, tls: true },
      start: false,
    });
    transport.start();
    await waitUntil(() => transport.status().lastError !== undefined);
    expect(transport.status().lastError).toMatch(/certificate/i);
  });
});

async function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  const dir = await tempDir();
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  // openssl (Debian) makes the certificate; Node has no API for that.
  await run('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost',
  ]);
  return { key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8') };
}
