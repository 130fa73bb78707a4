/**
 * GSM modem driver overhead: messages sent one after another through
 * ModemTransport over a real pseudo-terminal to the modem simulator, which takes
 * a fixed simulated network time to accept each one. What the clock shows beyond
 * that time is ours: the AT exchange, the prompt, PDU encoding, the pty round trips.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../src-main/app/clock';
import { seededRandom } from '../../src-main/app/random';
import { ModemTransport } from '../../src-main/sms/modem/modem-transport';
import type { OutgoingSms } from '../../src-main/sms/transport';
import { ModemSimulator } from '../peers/modem-simulator/modem-simulator';
import { startPtyPair } from '../peers/modem-simulator/pty-pair';

const MESSAGES = 200;
const WARM_UP = 10;
const NETWORK_DELAY_MS = 20;

export async function benchModemOverhead(): Promise<{ messages: number; perMessageOverheadMs: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'promemoria-modem-bench-'));
  const pty = await startPtyPair(dir);
  const sim = await ModemSimulator.start(pty, { networkDelayMs: NETWORK_DELAY_MS });
  const transport = new ModemTransport({ path: pty.clientPath }, { clock: systemClock, random: seededRandom(1) });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`modem not up: ${transport.status().detail}`)), 10_000);
      const unsubscribe = transport.subscribe((event) => {
        if (event.type !== 'status' || event.status.state !== 'up') return;
        clearTimeout(timer);
        unsubscribe();
        resolve();
      });
      transport.start();
    });
    const message = (i: number): OutgoingSms => ({
      id: `bench-${i}`,
      to: '+393331234567',
      text: `Promemoria: appuntamento n. ${i} domani alle 10:30 presso lo studio Rossi`,
      requestDeliveryReport: true,
      validityMinutes: 1440,
    });
    for (let i = 0; i < WARM_UP; i++) await sendOrThrow(transport, message(i));
    const start = performance.now();
    for (let i = 0; i < MESSAGES; i++) await sendOrThrow(transport, message(i));
    const perMessageMs = (performance.now() - start) / MESSAGES;
    return { messages: MESSAGES, perMessageOverheadMs: Math.round((perMessageMs - NETWORK_DELAY_MS) * 100) / 100 };
  } finally {
    await transport.close();
    await sim.stop();
    await pty.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function sendOrThrow(transport: ModemTransport, sms: OutgoingSms): Promise<void> {
  const outcome = await transport.send(sms);
  if (!outcome.ok) throw new Error(`bench send failed: ${outcome.code}`);
}
