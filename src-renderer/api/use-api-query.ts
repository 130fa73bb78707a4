import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../src-main/contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/contract/methods';
import { useApi } from './api-context';

export interface ApiQuery<T> {
  /** The last successful result; kept while a newer call is loading so lists do not flash empty. */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  /** Which request this answers: loading is "the latest request has no answer yet". */
  key: string;
  data: T | undefined;
  error: ApiError | undefined;
}

/**
 * Calls a read method whenever its input changes (compared by value) and tracks
 * loading and error. An answer that arrives after a newer call was started is dropped.
 */
export function useApiQuery<M extends MethodName>(method: M, input: MethodInput<M>): ApiQuery<MethodOutput<M>> {
  const api = useApi();
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<MethodOutput<M>>>({ key: '', data: undefined, error: undefined });
  // Inputs are usually fresh object literals: compare them by value, and call with the key's copy.
  const inputKey = JSON.stringify(input);
  const requestKey = `${method} ${inputKey} #${String(generation)}`;

  useEffect(() => {
    let current = true;
    // A generic index into the client loses the method/input correlation; the types above restore it.
    const call = api[method] as (input: MethodInput<M>) => Promise<MethodOutput<M>>;
    call(JSON.parse(inputKey) as MethodInput<M>).then(
      (data) => {
        if (current) setSettled({ key: requestKey, data, error: undefined });
      },
      (reason: unknown) => {
        if (current) setSettled((previous) => ({ key: requestKey, data: previous.data, error: toApiError(reason) }));
      },
    );
    return () => {
      current = false;
    };
  }, [api, method, inputKey, requestKey]);

  const reload = useCallback(() => {
    setGeneration((n) => n + 1);
  }, []);
  return { data: settled.data, error: settled.error, loading: settled.key !== requestKey, reload };
}

/** Anything a call rejects with, as an ApiError the UI knows how to show. */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  return new ApiError('INTERNAL', reason instanceof Error ? reason.message : String(reason));
}
