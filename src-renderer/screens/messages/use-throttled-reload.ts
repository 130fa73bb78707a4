import { useEffect, useMemo } from 'react';
import { throttle } from './throttle';

/** Bursts of events (a dispatcher sending a hundred reminders) reload a list at most twice a second. */
export const RELOAD_INTERVAL_MS = 500;

/** `reload` (a stable callback, as useApiQuery's is), throttled; a pending run is dropped on unmount. */
export function useThrottledReload(reload: () => void, intervalMs = RELOAD_INTERVAL_MS): () => void {
  const throttled = useMemo(() => throttle(reload, intervalMs), [reload, intervalMs]);
  useEffect(() => () => throttled.cancel(), [throttled]);
  return throttled;
}
