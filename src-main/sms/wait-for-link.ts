import type { LinkState, TransportEvent } from './transport';

interface LinkSource<S extends { state: LinkState; lastError?: string }> {
  status(): S;
  subscribe(listener: (event: TransportEvent) => void): () => void;
}

/** Up, or down with a reason: either way there is something to tell the user. */
function settled(status: { state: LinkState; lastError?: string }): boolean {
  return status.state === 'up' || status.state === 'closed' || (status.state === 'down' && status.lastError !== undefined);
}

/**
 * Resolves with the link's status once it is up or has failed with a reason, or
 * after `timeoutMs` with whatever it is then.
 */
export function waitForLink<S extends { state: LinkState; lastError?: string }>(source: LinkSource<S>, timeoutMs: number): Promise<S> {
  if (settled(source.status())) return Promise.resolve(source.status());
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve(source.status());
    };
    const timer = setTimeout(finish, timeoutMs);
    const unsubscribe = source.subscribe((event) => {
      if (event.type === 'status' && settled(event.status)) finish();
    });
  });
}
