import { useEffect, useState } from 'react';
import { officeOffsetLabel } from './office-time';

/** How often to look: the offset changes twice a year, at night, while the screen may stay open. */
const CHECK_EVERY_MS = 60_000;

/** The office's current UTC offset ("+01:00"), kept current across DST changes. */
export function useOfficeOffset(timeZone: string): string {
  const [offset, setOffset] = useState(() => officeOffsetLabel(Date.now(), timeZone));
  useEffect(() => {
    const check = () => {
      setOffset(officeOffsetLabel(Date.now(), timeZone));
    };
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
    };
  }, [timeZone]);
  return offset;
}
