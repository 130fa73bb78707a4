/**
 * A Perl SMSC on loopback plus our SMPP transport bound to it, with timeouts
 * short enough for tests; both are stopped when the test ends, and the test
 * fails if the transport leaves a timer running after close().
 */
import { expect, onTestFinished } from 'vitest';
import { systemClock } from '../../../src-main/app/clock';
import { seededRandom } from '../../../src-main/app/random';
import { SmppTransport, type SmppSettings } from '../../../src-main/sms/smpp/smpp-transport';
import { systemTimers, type Timers } from '../../../src-main/app/timers';
import type { LinkState, OutgoingSms, TransportEvent } from '../../../src-main/sms/transport';
import { SmscPeer, type SmscOptions } from '../../peers/smsc/smsc-peer';

export const SYSTEM_ID = 'promemoria';
export const PASSWORD = 'secret';

export interface Fixture {
  smsc: SmscPeer;
  transport: SmppTransport;
  events: TransportEvent[];
  /** Timers the transport has scheduled and not yet run or cancelled. */
  pendingTimers(): number;
}

export async function smppFixture(
  options: { smsc?: SmscOptions; settings?: Partial<SmppSettings>; start?: boolean } = {},
): Promise<Fixture> {
  const smsc = await SmscPeer.start({ systemId: SYSTEM_ID, password: PASSWORD, ...options.smsc });
  const { timers, pending } = countingTimers();
  const transport = new SmppTransport(
    {
      host: '127.0.0.1',
      port: smsc.port,
      tls: false,
      systemId: SYSTEM_ID,
      password: PASSWORD,
      sourceAddr: 'Studio',
      requestTimeoutMs: 2000,
      connectTimeoutMs: 1000,
      enquireLinkIntervalMs: 30_000,
      enquireLinkTimeoutMs: 500,
      reconnectInitialMs: 50,
      reconnectMaxMs: 400,
      closeTimeoutMs: 1000,
      ...options.settings,
    },
    { clock: systemClock, random: seededRandom(42), timers },
  );
  const events: TransportEvent[] = [];
  transport.subscribe((event) => events.push(event));
  onTestFinished(async () => {
    await transport.close();
    await smsc.stop();
    expect(pending(), 'timers left running after close()').toBe(0);
  });
  if (options.start !== false) {
    transport.start();
    await waitForLink(transport, 'up');
  }
  return { smsc, transport, events, pendingTimers: pending };
}

export function sms(text: string, overrides: Partial<OutgoingSms> = {}): OutgoingSms {
  return { id: `msg-${text.slice(0, 20)}`, to: '+393331234567', text, requestDeliveryReport: false, ...overrides };
}

export async function waitForLink(transport: SmppTransport, state: LinkState, timeoutMs = 5000): Promise<void> {
  await waitUntil(() => transport.status().state === state, timeoutMs, () => `link ${JSON.stringify(transport.status())}`);
}

export async function waitUntil(test: () => boolean, timeoutMs = 5000, what = () => 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function countingTimers(): { timers: Timers; pending: () => number } {
  let pending = 0;
  const timers: Timers = {
    schedule(delayMs, task) {
      pending++;
      let live = true;
      const finish = () => {
        if (live) pending--;
        live = false;
      };
      const cancel = systemTimers.schedule(delayMs, () => {
        finish();
        task();
      });
      return () => {
        finish();
        cancel();
      };
    },
  };
  return { timers, pending: () => pending };
}
