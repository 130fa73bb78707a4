import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src-main/app/random';
import { SimulatorTransport } from '../../../src-main/sms/simulator/simulator-transport';
import type { DeliveryReport, TransportEvent } from '../../../src-main/sms/transport';

const transports: SimulatorTransport[] = [];
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
});

function simulator(options: Partial<ConstructorParameters<typeof SimulatorTransport>[0]> = {}) {
  const transport = new SimulatorTransport({
    clock: { now: () => 1_700_000_000_000 },
    random: seededRandom(3),
    submitDelayMs: 1,
    deliveryDelayMs: 5,
    ...options,
  });
  transports.push(transport);
  return transport;
}

function nextReports(transport: SimulatorTransport, count: number): Promise<DeliveryReport[]> {
  const reports: DeliveryReport[] = [];
  return new Promise((resolve) => {
    transport.subscribe((event: TransportEvent) => {
      if (event.type !== 'delivery') return;
      reports.push(event.report);
      if (reports.length === count) resolve(reports);
    });
  });
}

const sms = (text: string) => ({ id: 'm1', to: '+393331234567', text, requestDeliveryReport: true });

describe('SimulatorTransport', () => {
  it('is down until started, then up and labelled as keeping SMS on this computer', () => {
    const transport = simulator();
    expect(transport.status().state).toBe('connecting');
    transport.start();
    expect(transport.status()).toMatchObject({ state: 'up', detail: expect.stringContaining('no SMS leaves this computer') });
  });

  it('accepts a message, gives one reference per part, and reports each part delivered', async () => {
    const transport = simulator();
    transport.start();
    const reports = nextReports(transport, 3);
    const outcome = await transport.send(sms('x'.repeat(400))); // 400 GSM-7 characters: 3 parts of 153
    expect(outcome).toEqual({ ok: true, references: [expect.any(String), expect.any(String), expect.any(String)] });
    const references = outcome.ok ? outcome.references : [];
    expect(new Set(references).size).toBe(3);
    expect((await reports).map((r) => [r.reference, r.state])).toEqual(references.map((ref) => [ref, 'delivered']));
  });

  it('can be told to fail: rejected for good, link down (retryable), or undeliverable', async () => {
    const transport = simulator();
    transport.start();
    transport.setBehaviour({ kind: 'reject' });
    expect(await transport.send(sms('Ciao'))).toMatchObject({ ok: false, retryable: false });
    transport.setBehaviour({ kind: 'link-down' });
    expect(transport.status().state).toBe('down');
    expect(await transport.send(sms('Ciao'))).toMatchObject({ ok: false, retryable: true, code: 'LINK_DOWN' });
    transport.setBehaviour({ kind: 'undeliverable' });
    const reports = nextReports(transport, 1);
    expect(await transport.send(sms('Ciao'))).toMatchObject({ ok: true });
    expect((await reports)[0]?.state).toBe('failed');
  });

  it('keeps delivering to other listeners when one throws (reports fire from timers)', async () => {
    const transport = simulator();
    transport.start();
    transport.subscribe(() => {
      throw new Error('a broken listener');
    });
    const reports = nextReports(transport, 1);
    expect(await transport.send(sms('Ciao'))).toMatchObject({ ok: true });
    expect((await reports)[0]?.state).toBe('delivered');
  });

  it('answers a send in progress when closed, instead of leaving it hanging', async () => {
    const transport = simulator({ submitDelayMs: 60_000 });
    transport.start();
    const pending = transport.send(sms('Ciao'));
    await transport.close();
    expect(await pending).toMatchObject({ ok: false, retryable: true });
    expect(transport.status().state).toBe('closed');
  });
});
