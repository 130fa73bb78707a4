import { useCallback, useState } from 'react';

function read<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const stored = window.localStorage.getItem(key);
    return allowed.find((value) => value === stored) ?? fallback;
  } catch {
    // Storage can be unavailable (privacy settings); the choice then lasts until reload.
    return fallback;
  }
}

/** A choice among `allowed` that this computer remembers (the calendar's view, its columns). */
export function useStoredChoice<T extends string>(key: string, allowed: readonly T[], fallback: T): [T, (value: T) => void] {
  const [value, setValue] = useState(() => read(key, allowed, fallback));
  const choose = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // See read(): not remembered, still applied.
      }
    },
    [key],
  );
  return [value, choose];
}
