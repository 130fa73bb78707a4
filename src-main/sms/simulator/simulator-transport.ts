import { ListenerSet } from '../../app/listener-set';
import type { Clock } from '../../app/clock';
import type { RandomSource } from '../../app/random';
import { splitMessage } from '../encoding';
import type {
  DeliveryState,
  LinkStatus,
  OutgoingSms,
  SendOutcome,
  SmsTransport,
  TransportEvent,
} from '../transport';

/** What the simulator does with the next messages; the settings screen and tests change it. */
export type SimulatorBehaviour =
  | { kind: 'deliver' }
  /** Submitted, then reported as not delivered (e.g. the phone is off for days). */
  | { kind: 'undeliverable' }
  /** Refused at once, as an invalid number would be. */
  | { kind: 'reject' }
  /** The channel is down: every send comes back retryable. */
  | { kind: 'link-down' };

export interface SimulatorOptions {
  clock: Clock;
  random: RandomSource;
  /** How long a submit takes (ms). */
  submitDelayMs?: number;
  /** How long after submit the delivery report comes (ms). */
  deliveryDelayMs?: number;
  behaviour?: SimulatorBehaviour;
}

/**
 * The built-in channel used until a modem or SMPP account is set up: it accepts,
 * waits a little and reports delivery, so a new office can try every flow while
 * no SMS leaves the computer.
 */
export class SimulatorTransport implements SmsTransport {
  readonly kind = 'simulator';
  // Reports fire from timers: a listener that throws must neither crash the app nor starve the others.
  private readonly listeners = new ListenerSet<TransportEvent>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Sends waiting out their submit delay; close() wakes them so none hangs. */
  private readonly waking = new Set<() => void>();
  private behaviour: SimulatorBehaviour;
  private nextReference = 1;
  private started = false;
  private closed = false;

  constructor(private readonly options: SimulatorOptions) {
    this.behaviour = options.behaviour ?? { kind: 'deliver' };
  }

  /** A reply "from a client's phone", so replies can be tried with no SMS network. */
  receive(from: string, text: string): void {
    if (this.closed) return;
    this.emit({ type: 'inbound', sms: { from, text, receivedAt: this.options.clock.now() } });
  }

  setBehaviour(behaviour: SimulatorBehaviour): void {
    this.behaviour = behaviour;
    this.emit({ type: 'status', status: this.status() });
  }

  start(): void {
    this.started = true;
    this.emit({ type: 'status', status: this.status() });
  }

  status(): LinkStatus {
    if (this.closed) return { state: 'closed', detail: 'Simulator stopped' };
    if (!this.started) return { state: 'connecting', detail: 'Simulator starting' };
    if (this.behaviour.kind === 'link-down') {
      return { state: 'down', detail: 'Simulator: link down (simulated)', lastError: 'simulated link failure' };
    }
    return { state: 'up', detail: 'Simulator: no SMS leaves this computer' };
  }

  async send(sms: OutgoingSms): Promise<SendOutcome> {
    if (this.closed || !this.started || this.behaviour.kind === 'link-down') {
      return { ok: false, retryable: true, code: 'LINK_DOWN', reason: 'The simulated channel is down' };
    }
    await this.wait(this.options.submitDelayMs ?? 150);
    if (this.closed) return { ok: false, retryable: true, code: 'LINK_DOWN', reason: 'The simulator was stopped' };
    if (this.behaviour.kind === 'reject') {
      return { ok: false, retryable: false, code: 'SIMULATED_REJECT', reason: 'Rejected by the simulator (as an invalid number would be)' };
    }
    const parts = splitMessage(sms.text).parts.length;
    const references = Array.from({ length: parts }, () => `SIM-${this.nextReference++}`);
    if (sms.requestDeliveryReport) {
      const state: DeliveryState = this.behaviour.kind === 'undeliverable' ? 'failed' : 'delivered';
      this.later(this.deliveryDelay(), () => {
        for (const reference of references) {
          this.emit({
            type: 'delivery',
            report: { reference, state, detail: state === 'delivered' ? 'DELIVRD' : 'UNDELIV', at: this.options.clock.now() },
          });
        }
      });
    }
    return { ok: true, references };
  }

  subscribe(listener: (event: TransportEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const wake of this.waking) wake();
    this.waking.clear();
    this.emit({ type: 'status', status: this.status() });
    this.listeners.clear();
  }

  /** The configured delay, spread by ±25% so reports do not arrive in lockstep. */
  private deliveryDelay(): number {
    const base = this.options.deliveryDelayMs ?? 2000;
    return Math.round(base * (0.75 + this.options.random.next() * 0.5));
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.waking.delete(wake);
        resolve();
      };
      this.waking.add(wake);
      this.later(ms, wake);
    });
  }

  private later(ms: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, ms);
    this.timers.add(timer);
  }

  private emit(event: TransportEvent): void {
    this.listeners.emit(event);
  }
}
