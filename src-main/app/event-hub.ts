import { ListenerSet } from './listener-set';
import type { EventEnvelope, EventName, EventPayload } from '../contract/events';

export type EventListener = (event: EventEnvelope) => void;

/** Fans the core's events out to every bridge that listens (IPC windows, WebSockets). */
export class EventHub {
  // One broken listener (a closed socket) must not stop the others.
  private readonly listeners = new ListenerSet<EventEnvelope>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.listeners.emit({ event, payload } as EventEnvelope);
  }

  subscribe(listener: EventListener): () => void {
    return this.listeners.add(listener);
  }

  clear(): void {
    this.listeners.clear();
  }
}
