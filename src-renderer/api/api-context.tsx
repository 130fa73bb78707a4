import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ApiTransport } from '../../src-main/contract/client';
import { createApiClient } from '../../src-main/contract/client';
import type { EventName, EventPayload } from '../../src-main/contract/events';
import type { ApiClient } from '../../src-main/contract/methods';

interface ApiContextValue {
  client: ApiClient;
  transport: ApiTransport;
}

const ApiContext = createContext<ApiContextValue | undefined>(undefined);

export function ApiProvider({ transport, children }: { transport: ApiTransport; children: ReactNode }) {
  const value = useMemo(() => ({ client: createApiClient(transport), transport }), [transport]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi must be used inside <ApiProvider>');
  return value;
}

/** The typed client for the core's methods. */
export function useApi(): ApiClient {
  return useApiContext().client;
}

/** Calls `handler` for every `event` the core pushes while the component is mounted. */
export function useApiEvent<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): void {
  const { transport } = useApiContext();
  // The latest handler is read through a ref so a new closure each render does not resubscribe.
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(
    () =>
      transport.subscribe((envelope) => {
        // Compared as strings: while the contract has a single event, the types alone would call
        // this always true. Matching the name fixes the payload type, which the generic hides.
        if (envelope.event === (event as string)) handlerRef.current(envelope.payload as EventPayload<E>);
      }),
    [transport, event],
  );
}
