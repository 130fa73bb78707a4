/**
 * A modem transport on one end of a real pseudo-terminal pair, the simulator on
 * the other, with timeouts short enough for tests. `dispose()` undoes it all.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '../../../src-main/app/clock';
import { seededRandom } from '../../../src-main/app/random';
import { ModemTransport, type ModemSettings } from '../../../src-main/sms/modem/modem-transport';
import type { LinkStatus, TransportEvent } from '../../../src-main/sms/transport';
import { ModemSimulator, type ModemSimulatorOptions } from '../../peers/modem-simulator/modem-simulator';
import { startPtyPair, type PtyPair } from '../../peers/modem-simulator/pty-pair';

export const FAST_SETTINGS: Omit<ModemSettings, 'path'> = {
  commandTimeoutMs: 800,
  promptTimeoutMs: 800,
  sendTimeoutMs: 1500,
  reconnectInitialMs: 50,
  reconnectMaxMs: 400,
  pollIntervalMs: 150,
  closeTimeoutMs: 2000,
  simReadyDelayMs: 20,
};

export interface ModemRig {
  pty: PtyPair;
  sim: ModemSimulator;
  transport: ModemTransport;
  events: TransportEvent[];
  /** Resolves with the first event (already seen or to come) that matches. */
  waitForEvent<T extends TransportEvent>(match: (event: TransportEvent) => event is T, timeoutMs?: number): Promise<T>;
  waitForStatus(match: (status: LinkStatus) => boolean, timeoutMs?: number): Promise<LinkStatus>;
  /** Polls a condition on anything (the simulator's SIM storage…). */
  waitUntil(condition: () => boolean, timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

export async function startModemRig(
  simulatorOptions: ModemSimulatorOptions = {},
  settings: Partial<ModemSettings> = {},
  { start = true }: { start?: boolean } = {},
): Promise<ModemRig> {
  const dir = await mkdtemp(path.join(tmpdir(), 'promemoria-modem-'));
  const pty = await startPtyPair(dir);
  const sim = await ModemSimulator.start(pty, simulatorOptions);
  const transport = new ModemTransport(
    { path: pty.clientPath, ...FAST_SETTINGS, ...settings },
    { clock: systemClock, random: seededRandom(7) },
  );
  const events: TransportEvent[] = [];
  const waiters = new Set<() => void>();
  transport.subscribe((event) => {
    events.push(event);
    for (const wake of waiters) wake();
  });
  if (start) transport.start();

  const waitUntil = <T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = find();
        if (found === undefined) return false;
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(found);
        return true;
      };
      const wake = (): void => void check();
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`Timed out waiting for ${what}; status: ${JSON.stringify(transport.status())}`));
      }, timeoutMs);
      waiters.add(wake);
      check();
    });

  return {
    pty,
    sim,
    transport,
    events,
    waitForEvent: (match, timeoutMs = 3000) => waitUntil(() => events.find(match), timeoutMs, 'an event'),
    waitForStatus: (match, timeoutMs = 3000) =>
      waitUntil(() => (match(transport.status()) ? transport.status() : undefined), timeoutMs, 'a status'),
    async waitUntil(condition, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
        await sleep(10);
      }
    },
    async dispose() {
      await transport.close();
      await sim.stop();
      await pty.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const isDelivery = (event: TransportEvent): event is Extract<TransportEvent, { type: 'delivery' }> =>
  event.type === 'delivery';
export const isInbound = (event: TransportEvent): event is Extract<TransportEvent, { type: 'inbound' }> =>
  event.type === 'inbound';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
