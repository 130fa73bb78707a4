import type { EventEnvelope } from '../../src-main/contract/events';
import { events } from '../../src-main/contract/events';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

type Listener = (event: EventEnvelope) => void;

/**
 * The web bridge's event stream: one WebSocket shared by every subscriber, opened
 * with the first and closed with the last, reopened with backoff when it drops
 * (the bridge restarted, the PC slept).
 */
export class EventSocket {
  private readonly listeners = new Set<Listener>();
  private socket: WebSocket | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = FIRST_RETRY_MS;

  constructor(private readonly url: string) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.open();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.close();
    };
  }

  private open(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = FIRST_RETRY_MS;
    };
    socket.onmessage = (message) => {
      const envelope = parseEnvelope(message.data);
      if (!envelope) return;
      for (const listener of this.listeners) listener(envelope);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.retryTimer = setTimeout(() => {
        this.open();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    };
  }

  private close(): void {
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    // Cleared first so onclose knows the drop was wanted and does not reconnect.
    this.socket = undefined;
    socket?.close();
  }
}

/** Checked against the contract: a malformed frame is dropped rather than handed to the UI. */
function parseEnvelope(data: unknown): EventEnvelope | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const raw: unknown = JSON.parse(data);
    if (typeof raw !== 'object' || raw === null || !('event' in raw) || !('payload' in raw)) return undefined;
    const { event, payload } = raw;
    if (typeof event !== 'string' || !Object.hasOwn(events, event)) return undefined;
    const parsed = events[event as keyof typeof events].safeParse(payload);
    return parsed.success ? ({ event, payload: parsed.data } as EventEnvelope) : undefined;
  } catch {
    return undefined;
  }
}
