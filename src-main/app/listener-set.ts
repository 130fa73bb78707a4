/**
 * The listeners of one kind of event. A listener that throws is reported and
 * skipped: the others still hear the event, and the emitter (often a timer or a
 * socket callback) never crashes the app.
 */
export class ListenerSet<T> {
  private readonly listeners = new Set<(event: T) => void>();

  constructor(private readonly onListenerError: (error: unknown, event: T) => void = () => undefined) {}

  /** Returns the function that removes the listener. */
  add(listener: (event: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: T): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
